#include "classifier/io/cluster_model_reader.h"

#include <array>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/framework/XMLGrammarPoolImpl.hpp>
#include <xercesc/sax/Locator.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/Attributes.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/util/TransService.hpp>
#include <xercesc/util/XMLException.hpp>
#include <xercesc/util/XMLUni.hpp>
#include <xercesc/validators/common/Grammar.hpp>

#include "core/care_cluster.h"

namespace clusterpilot {

// Defined in the source CMake generates from schemas/cluster-model.xsd.
extern const std::string_view kClusterModelSchema;

namespace {

namespace xc = xercesc;

constexpr std::string_view kModelNamespace = "urn:clusterpilot:cluster-model:1";

constexpr int kEntityExpansionLimit = 100;

std::string ToUtf8(const XMLCh* text) {
  if (text == nullptr) return "";
  xc::TranscodeToStr utf8(text, "UTF-8");
  return reinterpret_cast<const char*>(utf8.str());
}

// Thrown inside the handler to stop the parse at the first problem; caught
// in ReadClusterModel and never crosses the module boundary.
struct ModelProblem {
  Error error;
};

// Where a problem is and what its field and value are.
struct Place {
  int line = 0;
  int column = 0;
};

class ModelHandler : public xc::DefaultHandler {
 public:
  explicit ModelHandler(std::string file_name) : file_name_(std::move(file_name)) {}

  ClusterModelDefinition& definition() { return definition_; }
  const std::optional<Error>& xml_error() const { return xml_error_; }

  void setDocumentLocator(const xc::Locator* locator) override { locator_ = locator; }

  void startElement(const XMLCh* uri, const XMLCh* local_name, const XMLCh*,
                    const xc::Attributes& attributes) override {
    attributes_ = &attributes;
    const std::string element = ToUtf8(local_name);
    // The schema validates only our namespace: a document in another one
    // would reach the handlers below unchecked, so it is refused whole.
    if (path_.empty() && ToUtf8(uri) != kModelNamespace) {
      Fail(Here(), element, ToUtf8(uri),
           "is not a clusterpilot cluster model (expected namespace " +
               std::string(kModelNamespace) + ")");
    }
    path_.push_back(element);
    const std::string parent = path_.size() >= 2 ? path_[path_.size() - 2] : "";
    if (element == "cluster-model") {
      definition_.name = Required("name");
      definition_.version = Required("version");
    } else if (element == "description") {
      in_description_ = true;
    } else if (element == "thresholds") {
      ReadThresholds();
    } else if (element == "profile-expansion") {
      ReadExpansion();
    } else if (element == "calibration") {
      ReadCalibration();
    } else if (element == "supercluster") {
      StartSupercluster();
    } else if (element == "cluster") {
      StartCluster();
    } else if (element == "profile") {
      StartProfile();
    } else if (element == "item" && parent == "profile") {
      ReadProfileItem();
    } else if (element == "item" && parent == "coefficients") {
      ReadCoefficientItem();
    } else if (element == "rule" && parent == "red-rules") {
      ReadRedRule();
    } else if (element == "rule" && parent == "conflict-rules") {
      ReadConflictRule();
    }
  }

  void endElement(const XMLCh*, const XMLCh* local_name, const XMLCh*) override {
    const std::string element = ToUtf8(local_name);
    if (element == "description") in_description_ = false;
    if (element == "supercluster" && clusters_in_supercluster_ == 0) {
      Fail(supercluster_place_, "supercluster", supercluster_code_,
           "has no clusters; add its clusters or remove it");
    }
    if (!path_.empty()) path_.pop_back();
  }

  void characters(const XMLCh* text, const XMLSize_t length) override {
    if (!in_description_) return;
    xc::TranscodeToStr utf8(text, length, "UTF-8");
    definition_.description.append(reinterpret_cast<const char*>(utf8.str()), utf8.length());
  }

  void warning(const xc::SAXParseException&) override {}
  void error(const xc::SAXParseException& problem) override { KeepXmlError(problem); }
  void fatalError(const xc::SAXParseException& problem) override { KeepXmlError(problem); }

 private:
  Place Here() const {
    if (locator_ == nullptr) return {};
    return {static_cast<int>(locator_->getLineNumber()),
            static_cast<int>(locator_->getColumnNumber())};
  }

  [[noreturn]] void Fail(Place place, std::string field, std::string value,
                         std::string message) const {
    throw ModelProblem{Error{.file = file_name_,
                             .line = place.line,
                             .column = place.column,
                             .field = std::move(field),
                             .value = std::move(value),
                             .message = std::move(message)}};
  }
  [[noreturn]] void Fail(std::string field, std::string value, std::string message) const {
    Fail(Here(), std::move(field), std::move(value), std::move(message));
  }

  void KeepXmlError(const xc::SAXParseException& problem) {
    if (xml_error_) return;
    std::string message = ToUtf8(problem.getMessage());
    if (message.find("no declaration found for element 'cluster-model'") != std::string::npos) {
      message += " (a cluster model starts with <cluster-model xmlns=\"" +
                 std::string(kClusterModelNamespace) + "\" name=\"...\" version=\"...\">)";
    }
    xml_error_ = Error{.file = file_name_,
                       .line = static_cast<int>(problem.getLineNumber()),
                       .column = static_cast<int>(problem.getColumnNumber()),
                       .field = "",
                       .value = "",
                       .message = "not a valid cluster model: " + message};
  }

  std::optional<std::string> Attribute(const char* name) const {
    xc::TranscodeFromStr wide(reinterpret_cast<const XMLByte*>(name), std::strlen(name), "UTF-8");
    const XMLCh* value = attributes_->getValue(wide.str());
    if (value == nullptr) return std::nullopt;
    return ToUtf8(value);
  }

  std::string Required(const char* name) const { return Attribute(name).value_or(""); }

  static std::optional<double> ParseNumber(const std::string& text) {
    const char* begin = text.data() + (text.rfind('+', 0) == 0 ? 1 : 0);
    double value = 0;
    const auto [end, status] = std::from_chars(begin, text.data() + text.size(), value);
    if (status != std::errc() || end != text.data() + text.size() || begin == end) {
      return std::nullopt;
    }
    return value;
  }

  double Number(const char* name, const std::string& text) const {
    const std::optional<double> value = ParseNumber(text);
    if (!value) Fail(name, text, "not a number (write decimals with a point, e.g. -1.25)");
    return *value;
  }

  std::optional<double> OptionalNumber(const char* name) const {
    std::optional<std::string> text = Attribute(name);
    if (!text) return std::nullopt;
    return Number(name, *text);
  }

  int ItemIndex(const char* name, const std::string& code) const {
    const int number = code.size() == 4 ? std::atoi(code.c_str() + 2) : 0;
    if (number < 1 || number > kItemCount) Fail(name, code, "not a HoNOS+ item (HV01-HV19)");
    return number - 1;
  }

  int8_t Rating(const char* name, const std::string& text) const {
    const double value = ParseNumber(text).value_or(-1);
    if (value < 0 || value > kMaxRating || value != static_cast<int>(value)) {
      Fail(name, text, "not a rating (0-4)");
    }
    return static_cast<int8_t>(value);
  }

  Supercluster SuperclusterCode(const char* name, const std::string& text) const {
    const std::optional<Supercluster> supercluster = ParseSupercluster(text);
    if (!supercluster || *supercluster == Supercluster::kNone) {
      Fail(name, text, "not a supercluster (X, Y or Z)");
    }
    return *supercluster;
  }

  // A cluster number the model defines, for rules.
  int ModelClusterNumber(const char* name, const std::string& text) const {
    const std::optional<double> number = ParseNumber(text);
    for (const ModelCluster& cluster : definition_.clusters) {
      if (number && cluster.number == *number) return cluster.number;
    }
    Fail(name, text, "no cluster " + text + " in this model");
  }

  void ReadThresholds() {
    FitThresholds& thresholds = definition_.thresholds;
    if (auto value = OptionalNumber("max-unknown-items")) {
      if (*value < 0 || *value > kItemCount || *value != static_cast<int>(*value)) {
        Fail("max-unknown-items", Required("max-unknown-items"), "must be a whole number 0-19");
      }
      thresholds.max_unknown_items = static_cast<int>(*value);
    }
    const struct {
      const char* name;
      double* target;
      double low;
      double high;
    } fields[] = {
        {"ambiguous-margin", &thresholds.ambiguous_margin, 0, 1},
        {"atypical-percentile", &thresholds.atypical_percentile, 50, 100},
        {"no-fit-factor", &thresholds.no_fit_factor, 1, 1000},
        {"conflict-margin", &thresholds.conflict_margin, 0, 1000},
        {"decisive-probability", &thresholds.decisive_probability, 0, 1},
    };
    for (const auto& field : fields) {
      std::optional<double> value = OptionalNumber(field.name);
      if (!value) continue;
      if (*value < field.low || *value > field.high) {
        std::ostringstream range;
        range << "must be between " << field.low << " and " << field.high;
        Fail(field.name, Required(field.name), range.str());
      }
      *field.target = *value;
    }
  }

  void ReadExpansion() {
    ProfileExpansion& expansion = definition_.expansion;
    if (auto value = OptionalNumber("outside-share")) {
      if (*value <= 0 || *value >= 1) {
        Fail("outside-share", Required("outside-share"), "must be above 0 and below 1");
      }
      expansion.outside_share = *value;
    }
    if (auto value = OptionalNumber("step-decay")) {
      if (*value <= 0 || *value > 1) {
        Fail("step-decay", Required("step-decay"), "must be above 0 and at most 1");
      }
      expansion.step_decay = *value;
    }
  }

  void ReadCalibration() {
    if (auto value = OptionalNumber("temperature")) {
      if (!(*value >= 0.01 && *value <= 100)) {
        Fail("temperature", Required("temperature"), "must be between 0.01 and 100");
      }
      definition_.calibration.temperature = *value;
    }
  }

  void StartSupercluster() {
    supercluster_code_ = Required("code");
    supercluster_place_ = Here();
    supercluster_ = SuperclusterCode("code", supercluster_code_);
    for (Supercluster seen : superclusters_seen_) {
      if (seen == supercluster_) {
        Fail("supercluster", supercluster_code_, "given twice; put all its clusters in one");
      }
    }
    superclusters_seen_.push_back(supercluster_);
    clusters_in_supercluster_ = 0;
  }

  void StartCluster() {
    const std::string text = Required("number");
    const double number = ParseNumber(text).value_or(0);
    if (number != static_cast<int>(number) || !IsCareCluster(static_cast<int>(number))) {
      Fail("number", text, "not a care cluster number (1-21; 9 is unused)");
    }
    for (const ModelCluster& cluster : definition_.clusters) {
      if (cluster.number == number) Fail("number", text, "cluster defined twice");
    }
    ModelCluster& cluster = definition_.clusters.emplace_back();
    cluster.number = static_cast<int>(number);
    cluster.name = Attribute("name").value_or("cluster " + text);
    cluster.supercluster = supercluster_;
    cluster.constant = OptionalNumber("constant").value_or(0);
    if (auto threshold = OptionalNumber("atypical-above")) {
      if (*threshold <= 0) Fail("atypical-above", Required("atypical-above"), "must be above 0");
      cluster.atypical_above = *threshold;
    }
    ++clusters_in_supercluster_;
    items_seen_ = {};
  }

  void StartProfile() {
    ModelCluster& cluster = CurrentCluster("profile");
    ClusterProfile& profile = cluster.profile.emplace();
    profile.cluster = cluster.number;
    profile.supercluster = cluster.supercluster;
    profile.name = cluster.name;
    profile.hv08_types = Attribute("hv08-types").value_or("");
  }

  // The cluster an element belongs to. The schema puts these elements inside
  // a <cluster>; this keeps the reader safe where the schema did not apply.
  ModelCluster& CurrentCluster(const char* element) {
    if (definition_.clusters.empty()) Fail(element, "", "must stand inside a <cluster>");
    return definition_.clusters.back();
  }

  int NewItem() {
    const std::string code = Required("code");
    const int item = ItemIndex("code", code);
    if (items_seen_[item]) Fail("code", code, "item given twice for this cluster");
    items_seen_[item] = true;
    return item;
  }

  void ReadProfileItem() {
    const int item = NewItem();
    ModelCluster& cluster = CurrentCluster("item");
    if (!cluster.profile) Fail("item", "", "must stand inside a <profile>");
    ClusterProfile& profile = *cluster.profile;
    const std::string low = Required("low");
    profile.low[item] = Rating("low", low);
    profile.high[item] = Rating("high", Required("high"));
    if (profile.high[item] < profile.low[item]) {
      Fail("low", low, "above high (" + Required("high") + ")");
    }
    const double weight = OptionalNumber("weight").value_or(1);
    if (weight < 0) Fail("weight", Required("weight"), "must be 0 or more");
    profile.weight[item] = weight;
  }

  void ReadCoefficientItem() {
    const std::string code = Required("code");
    const int item = NewItem();
    auto& row = CurrentCluster("item").coefficients[item];
    for (int rating = 0; rating <= kMaxRating; ++rating) {
      const std::string name = "r" + std::to_string(rating);
      std::optional<std::string> text = Attribute(name.c_str());
      if (!text) {
        Fail("item", code,
             "no coefficient for rating " + std::to_string(rating) + " (" + name + ")");
      }
      row[rating] = Number(name.c_str(), *text);
    }
  }

  ItemCondition Condition(const char* item_name, const char* rating_name,
                          const char* at_least_name) const {
    ItemCondition condition;
    condition.item = ItemIndex(item_name, Required(item_name));
    const std::optional<std::string> exactly = Attribute(rating_name);
    const std::optional<std::string> at_least = Attribute(at_least_name);
    if (exactly && at_least) {
      Fail(item_name, Required(item_name),
           std::string("give ") + rating_name + " or " + at_least_name + ", not both");
    }
    if (!exactly && !at_least) {
      Fail(item_name, Required(item_name),
           std::string("needs ") + rating_name + " or " + at_least_name);
    }
    condition.match = exactly ? RatingMatch::kExactly : RatingMatch::kAtLeast;
    condition.rating = exactly ? Rating(rating_name, *exactly) : Rating(at_least_name, *at_least);
    return condition;
  }

  void ReadRedRule() {
    RedRule rule;
    rule.first = Condition("item", "rating", "at-least");
    if (Attribute("and-item")) {
      rule.second = Condition("and-item", "and-rating", "and-at-least");
    } else if (Attribute("and-rating") || Attribute("and-at-least")) {
      Fail("item", Required("item"), "and-rating or and-at-least needs and-item");
    }
    std::istringstream excluded(Required("excludes"));
    std::string number;
    while (excluded >> number) {
      rule.excluded_clusters.push_back(ModelClusterNumber("excludes", number));
    }
    if (rule.excluded_clusters.empty()) Fail("excludes", "", "names no cluster");
    definition_.red_rules.push_back(std::move(rule));
  }

  void ReadConflictRule() {
    ConflictRule rule;
    rule.condition = Condition("item", "rating", "at-least");
    rule.chosen = SuperclusterCode("chosen", Required("chosen"));
    rule.suggests = SuperclusterCode("suggests", Required("suggests"));
    if (rule.chosen == rule.suggests) {
      Fail("suggests", Required("suggests"), "must differ from chosen");
    }
    definition_.conflict_rules.push_back(rule);
  }

  std::string file_name_;
  const xc::Locator* locator_ = nullptr;
  const xc::Attributes* attributes_ = nullptr;
  std::vector<std::string> path_;
  ClusterModelDefinition definition_;
  std::optional<Error> xml_error_;
  bool in_description_ = false;
  Supercluster supercluster_ = Supercluster::kNone;
  std::string supercluster_code_;
  Place supercluster_place_;
  std::vector<Supercluster> superclusters_seen_;
  int clusters_in_supercluster_ = 0;
  std::array<bool, kItemCount> items_seen_{};
};

// Xerces needs its platform initialised around every use; the calls nest.
class XercesSession {
 public:
  XercesSession() { xc::XMLPlatformUtils::Initialize(); }
  ~XercesSession() { xc::XMLPlatformUtils::Terminate(); }
  XercesSession(const XercesSession&) = delete;
  XercesSession& operator=(const XercesSession&) = delete;
};

// Parses `xml` with a validating reader that uses only the compiled-in
// schema; returns the handler's definition or the first problem.
Result<ClusterModelDefinition> ParseDefinition(std::string_view xml, const std::string& file_name) {
  XercesSession session;
  auto pool = std::make_unique<xc::XMLGrammarPoolImpl>(xc::XMLPlatformUtils::fgMemoryManager);
  std::unique_ptr<xc::SAX2XMLReader> reader(
      xc::XMLReaderFactory::createXMLReader(xc::XMLPlatformUtils::fgMemoryManager, pool.get()));
  ModelHandler handler(file_name);
  xc::SecurityManager security;
  security.setEntityExpansionLimit(kEntityExpansionLimit);
  try {
    reader->setFeature(xc::XMLUni::fgSAX2CoreNameSpaces, true);
    reader->setFeature(xc::XMLUni::fgXercesSchema, true);
    reader->setFeature(xc::XMLUni::fgSAX2CoreValidation, true);
    reader->setFeature(xc::XMLUni::fgXercesDynamic, false);
    reader->setFeature(xc::XMLUni::fgXercesLoadExternalDTD, false);
    reader->setProperty(xc::XMLUni::fgXercesSecurityManager, &security);
    reader->setContentHandler(&handler);
    reader->setErrorHandler(&handler);
    const std::string_view schema = ClusterModelSchema();
    xc::MemBufInputSource schema_source(reinterpret_cast<const XMLByte*>(schema.data()),
                                        schema.size(), "cluster-model.xsd");
    if (reader->loadGrammar(schema_source, xc::Grammar::SchemaGrammarType, true) == nullptr) {
      return MakeError("the compiled-in cluster model schema did not load");
    }
    reader->setFeature(xc::XMLUni::fgXercesUseCachedGrammarInParse, true);
    reader->setFeature(xc::XMLUni::fgXercesLoadSchema, false);
    reader->setFeature(xc::XMLUni::fgXercesDisableDefaultEntityResolution, true);
    xc::MemBufInputSource source(reinterpret_cast<const XMLByte*>(xml.data()), xml.size(),
                                 file_name.c_str());
    reader->parse(source);
  } catch (const ModelProblem& problem) {
    // A schema error found before the problem explains more; keep the first.
    if (handler.xml_error()) return *handler.xml_error();
    return problem.error;
  } catch (const xc::XMLException& e) {
    return LineError(file_name, static_cast<int>(e.getSrcLine()),
                     "cannot be read: " + ToUtf8(e.getMessage()));
  } catch (const xc::SAXException& e) {
    return FileError(file_name, "cannot be read: " + ToUtf8(e.getMessage()));
  }
  if (handler.xml_error()) return *handler.xml_error();
  reader.reset();  // the reader must go before its grammar pool
  return std::move(handler.definition());
}

}  // namespace

std::string_view ClusterModelSchema() { return kClusterModelSchema; }

Result<ClusterModel> ReadClusterModel(std::string_view xml, const std::string& file_name) {
  Result<ClusterModelDefinition> definition = ParseDefinition(xml, file_name);
  if (!definition.ok()) return definition.error();
  Result<ClusterModel> model = ClusterModel::Compile(std::move(definition).value());
  if (!model.ok()) {
    Error error = model.error();
    error.file = file_name;
    return error;
  }
  return model;
}

Result<ClusterModel> ReadClusterModelFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return FileError(path, "cannot be opened");
  std::ostringstream content;
  content << file.rdbuf();
  return ReadClusterModel(content.str(), path);
}

}  // namespace clusterpilot
