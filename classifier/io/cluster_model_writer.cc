#include "classifier/io/cluster_model_writer.h"

#include <charconv>

#include "classifier/io/cluster_model_reader.h"
#include "core/xml_text.h"

namespace clusterpilot {
namespace {

// The shortest decimal (never exponent) form that reads back exactly:
// xs:decimal has no exponent.
std::string Number(double value) {
  char buffer[400];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  std::string text(buffer, result.ptr);
  return text == "-0" ? "0" : text;
}

std::string Attribute(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + EscapeXmlCharacters(value, XmlPlace::kAttribute) + "\"";
}

void WriteThresholds(const ClusterModelDefinition& definition, std::string* xml) {
  const FitThresholds& t = definition.thresholds;
  *xml += "  <thresholds" + Attribute("max-unknown-items", std::to_string(t.max_unknown_items)) +
          Attribute("ambiguous-margin", Number(t.ambiguous_margin)) +
          Attribute("atypical-percentile", Number(t.atypical_percentile)) +
          Attribute("no-fit-factor", Number(t.no_fit_factor)) +
          Attribute("conflict-margin", Number(t.conflict_margin)) +
          Attribute("decisive-probability", Number(t.decisive_probability)) + "/>\n";
  *xml += "  <profile-expansion" +
          Attribute("outside-share", Number(definition.expansion.outside_share)) +
          Attribute("step-decay", Number(definition.expansion.step_decay)) + "/>\n";
  *xml += "  <calibration" + Attribute("temperature", Number(definition.calibration.temperature)) +
          "/>\n";
}

void WriteProfile(const ClusterProfile& profile, std::string* xml) {
  *xml += "      <profile" + Attribute("hv08-types", profile.hv08_types) + ">\n";
  for (int item = 0; item < kItemCount; ++item) {
    if (profile.weight[item] <= 0) continue;
    *xml += "        <item" + Attribute("code", ItemCode(item)) +
            Attribute("low", std::to_string(profile.low[item])) +
            Attribute("high", std::to_string(profile.high[item]));
    if (profile.weight[item] != 1) *xml += Attribute("weight", Number(profile.weight[item]));
    *xml += "/>\n";
  }
  *xml += "      </profile>\n";
}

void WriteCoefficients(const ModelCluster& cluster, std::string* xml) {
  *xml += "      <coefficients>\n";
  for (int item = 0; item < kItemCount; ++item) {
    const auto& row = cluster.coefficients[item];
    bool used = false;
    for (double coefficient : row) used = used || coefficient != 0;
    if (!used) continue;
    *xml += "        <item" + Attribute("code", ItemCode(item));
    for (int rating = 0; rating <= kMaxRating; ++rating) {
      *xml += Attribute(("r" + std::to_string(rating)).c_str(), Number(row[rating]));
    }
    *xml += "/>\n";
  }
  *xml += "      </coefficients>\n";
}

void WriteClusters(const ClusterModelDefinition& definition, std::string* xml) {
  for (Supercluster supercluster :
       {Supercluster::kNonPsychotic, Supercluster::kPsychotic, Supercluster::kOrganic}) {
    bool opened = false;
    for (const ModelCluster& cluster : definition.clusters) {
      if (cluster.supercluster != supercluster) continue;
      if (!opened) {
        *xml += "  <supercluster" + Attribute("code", SuperclusterLetter(supercluster)) +
                Attribute("name", SuperclusterName(supercluster)) + ">\n";
        opened = true;
      }
      *xml += "    <cluster" + Attribute("number", std::to_string(cluster.number)) +
              Attribute("name", cluster.name) + Attribute("constant", Number(cluster.constant)) +
              Attribute("atypical-above", Number(cluster.atypical_above)) + ">\n";
      if (cluster.profile) {
        WriteProfile(*cluster.profile, xml);
      } else {
        WriteCoefficients(cluster, xml);
      }
      *xml += "    </cluster>\n";
    }
    if (opened) *xml += "  </supercluster>\n";
  }
}

void WriteCondition(const ItemCondition& condition, const char* item_name, const char* rating_name,
                    const char* at_least_name, std::string* xml) {
  *xml += Attribute(item_name, ItemCode(condition.item)) +
          Attribute(condition.match == RatingMatch::kExactly ? rating_name : at_least_name,
                    std::to_string(condition.rating));
}

void WriteRules(const ClusterModelDefinition& definition, std::string* xml) {
  if (!definition.red_rules.empty()) {
    *xml += "  <red-rules>\n";
    for (const RedRule& rule : definition.red_rules) {
      *xml += "    <rule";
      WriteCondition(rule.first, "item", "rating", "at-least", xml);
      if (rule.second) WriteCondition(*rule.second, "and-item", "and-rating", "and-at-least", xml);
      std::string excluded;
      for (int number : rule.excluded_clusters) {
        excluded += (excluded.empty() ? "" : " ") + std::to_string(number);
      }
      *xml += Attribute("excludes", excluded) + "/>\n";
    }
    *xml += "  </red-rules>\n";
  }
  if (!definition.conflict_rules.empty()) {
    *xml += "  <conflict-rules>\n";
    for (const ConflictRule& rule : definition.conflict_rules) {
      *xml += "    <rule";
      WriteCondition(rule.condition, "item", "rating", "at-least", xml);
      *xml += Attribute("chosen", SuperclusterLetter(rule.chosen)) +
              Attribute("suggests", SuperclusterLetter(rule.suggests)) + "/>\n";
    }
    *xml += "  </conflict-rules>\n";
  }
}

}  // namespace

std::string WriteClusterModel(const ClusterModel& model) {
  const ClusterModelDefinition& definition = model.definition();
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += "<cluster-model" + Attribute("xmlns", kClusterModelNamespace) +
         Attribute("name", definition.name) + Attribute("version", definition.version) + ">\n";
  if (!definition.description.empty()) {
    xml += "  <description>" + EscapeXmlCharacters(definition.description, XmlPlace::kElement) +
           "</description>\n";
  }
  WriteThresholds(definition, &xml);
  WriteClusters(definition, &xml);
  WriteRules(definition, &xml);
  xml += "</cluster-model>\n";
  return xml;
}

}  // namespace clusterpilot
