// One measurement for its clinician: the ratings grid, the probabilities,
// the explanation and flags, the patient's timeline and the review form; and
// the review's POST with its optimistic version check.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <sstream>

#include "core/assignment_explanation.h"
#include "core/care_cluster.h"
#include "core/cluster_assignment.h"
#include "core/honos_items.h"
#include "store/assignment_listing.h"
#include "store/measurement_review.h"
#include "store/override_table.h"
#include "web/page_renderer.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

int64_t WholeNumber(const std::string& text) {
  int64_t value = -1;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
  return status == std::errc() && end == text.data() + text.size() ? value : -1;
}

// The measurement when it exists and belongs to one of the user's
// departments; another department's measurement reads as missing, so its
// existence is not revealed either.
Result<std::optional<AssignmentRow>> OwnMeasurement(PageContext& context) {
  Result<std::optional<AssignmentRow>> row =
      ReadAssignment(context.store, WholeNumber(context.path_id));
  if (!row.ok() || !row.value()) return row;
  if (!WorksFor(context, row.value()->department)) return std::optional<AssignmentRow>();
  return row;
}

Poco::JSON::Array::Ptr RatingValues(const ItemRatings& ratings, Language language) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (int i = 0; i < kItemCount; ++i) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("code", std::string(kHonosItems[i].code));
    item->set("name", std::string(language == Language::kDutch ? kHonosItems[i].dutch
                                                               : kHonosItems[i].english));
    item->set("rating",
              ratings[i] == kUnknownRating ? std::string("?") : std::to_string(ratings[i]));
    items->add(item);
  }
  return items;
}

Poco::JSON::Array::Ptr ProbabilityValues(const std::string& encoded) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  std::vector<ClusterProbability> ranked;
  if (!DecodeProbabilities(encoded, &ranked)) return list;
  for (const ClusterProbability& entry : ranked) {
    Poco::JSON::Object::Ptr value = new Poco::JSON::Object;
    value->set("cluster", entry.cluster);
    value->set("percent", static_cast<int>(std::lround(entry.probability * 100)));
    list->add(value);
  }
  return list;
}

Poco::JSON::Array::Ptr Lines(const std::string& text) {
  Poco::JSON::Array::Ptr lines = new Poco::JSON::Array;
  std::stringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) {
    if (!line.empty()) lines->add(line);
  }
  return lines;
}

Poco::JSON::Object::Ptr ReviewValues(const ClinicianOverride& review) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("cluster", review.cluster);
  values->set("no_fitting_cluster", review.cluster == kNoFittingCluster);
  values->set("reason", review.reason);
  values->set("by", review.by_user);
  values->set("at", review.at);
  values->set("version", review.version);
  values->set("outside_supercluster", review.outside_supercluster);
  return values;
}

Result<Poco::JSON::Array::Ptr> TimelineValues(PageContext& context, const std::string& patient) {
  Result<std::vector<TimelinePoint>> points = ReadPatientTimeline(context.store, patient);
  if (!points.ok()) return points.error();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const TimelinePoint& point : points.value()) {
    Poco::JSON::Object::Ptr value = new Poco::JSON::Object;
    value->set("id", point.measurement_id);
    value->set("rating_date", point.rating_date);
    value->set("department", point.department);
    value->set("cluster", point.cluster);
    list->add(value);
  }
  return list;
}

// The care clusters grouped by the regulation's supercluster, for the
// form's optgroups; the measurement's own supercluster first.
Poco::JSON::Array::Ptr ClusterGroups(Supercluster rated) {
  static const Supercluster kOrder[] = {Supercluster::kNonPsychotic, Supercluster::kPsychotic,
                                        Supercluster::kOrganic};
  Poco::JSON::Array::Ptr groups = new Poco::JSON::Array;
  for (int pass = 0; pass < 2; ++pass) {
    for (Supercluster supercluster : kOrder) {
      if ((supercluster == rated) != (pass == 0)) continue;
      Poco::JSON::Object::Ptr group = new Poco::JSON::Object;
      group->set("label", SuperclusterLetter(supercluster) + " " + SuperclusterName(supercluster));
      Poco::JSON::Array::Ptr clusters = new Poco::JSON::Array;
      for (int cluster = 1; cluster <= kHighestCareCluster; ++cluster) {
        if (RegulationSupercluster(cluster) == supercluster) clusters->add(cluster);
      }
      group->set("clusters", clusters);
      groups->add(group);
    }
  }
  return groups;
}

Result<Poco::JSON::Object::Ptr> MeasurementValues(PageContext& context, const AssignmentRow& row) {
  Result<std::optional<ItemRatings>> ratings =
      ReadMeasurementRatings(context.store, row.measurement_id);
  if (!ratings.ok()) return ratings.error();
  Result<Poco::JSON::Array::Ptr> timeline = TimelineValues(context, row.patient_id);
  if (!timeline.ok()) return timeline.error();
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("id", row.measurement_id);
  values->set("patient_id", row.patient_id);
  values->set("department", row.department);
  values->set("rating_date", row.rating_date);
  values->set("clinician", row.clinician);
  values->set("cluster", row.cluster);
  values->set("items",
              RatingValues(ratings.value().value_or(UnknownRatings()), PageLanguage(context)));
  values->set("probabilities", ProbabilityValues(row.probabilities));
  const ExplanationLanguage language = PageLanguage(context) == Language::kEnglish
                                           ? ExplanationLanguage::kEnglish
                                           : ExplanationLanguage::kDutch;
  values->set("explanation", DescribeStoredExplanation(row.explanation, language));
  values->set("counterfactual", DescribeStoredCounterfactual(row.explanation, language));
  values->set("flags", Lines(row.flag_reasons));
  values->set("timeline", timeline.value());
  values->set("supercluster", SuperclusterLetter(row.supercluster));
  values->set("version", row.clinician_override ? row.clinician_override->version : 0);
  if (row.clinician_override) values->set("review", ReviewValues(*row.clinician_override));
  values->set("cluster_groups", ClusterGroups(row.supercluster));
  values->set("csrf_token", context.user->csrf_token);
  return values;
}

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The cluster of an "other" decision; outside the measurement's supercluster
// only when the clinician ticked that on purpose. Returns the problem in
// `language`, "" when none.
std::string ReadOtherCluster(const WebRequest& request, const AssignmentRow& row, Language language,
                             ReviewDecision* decision) {
  decision->cluster = static_cast<int>(WholeNumber(request.Form("cluster")));
  if (!IsCareCluster(decision->cluster)) return Phrase(language, "web.error.choose_cluster");
  const Supercluster of_cluster = RegulationSupercluster(decision->cluster);
  decision->outside_supercluster =
      row.supercluster != Supercluster::kNone && of_cluster != row.supercluster;
  if (decision->outside_supercluster && request.Form("outside_supercluster") != "1") {
    return Phrase(language, "web.error.outside_supercluster",
                  {Value("{cluster}", std::to_string(decision->cluster)),
                   Value("{of_cluster}", SuperclusterName(of_cluster)),
                   Value("{rated}", SuperclusterName(row.supercluster)),
                   Value("{rated_letter}", SuperclusterLetter(row.supercluster))});
  }
  return "";
}

// The review the form describes, or a message saying what is missing. The
// version is the review version the page showed (the CLI's --if-version).
std::string ReadReviewForm(const PageContext& context, const AssignmentRow& row,
                           ReviewDecision* decision) {
  const WebRequest& request = context.request;
  const Language language = PageLanguage(context);
  const std::string choice = request.Form("decision");
  decision->measurement_id = row.measurement_id;
  decision->reason = request.Form("reason");
  decision->by_user = context.user->user.name;
  const int64_t version = WholeNumber(request.Form("version"));
  if (version < 0 || version > INT32_MAX) return Phrase(language, "web.error.version_missing");
  decision->expected_version = static_cast<int>(version);
  if (choice == "confirm") {
    if (!IsCareCluster(row.cluster)) return Phrase(language, "web.error.no_cluster_to_confirm");
    decision->cluster = row.cluster;
    if (IsBlank(decision->reason)) decision->reason = "bevestigd / confirmed";
    return "";
  }
  if (choice == "other") {
    std::string problem = ReadOtherCluster(request, row, language, decision);
    if (!problem.empty()) return problem;
  } else if (choice == "none") {
    decision->cluster = kNoFittingCluster;
  } else {
    return Phrase(language, "web.error.choose_decision");
  }
  return IsBlank(decision->reason) ? Phrase(language, "web.error.reason_required") : "";
}

// The 409 answer: nothing was stored; the page shows the review that came
// first (the latest one now), so the clinician decides again knowing it.
WebResponse Conflict(PageContext& context, const AssignmentRow& row) {
  Result<std::vector<ClinicianOverride>> reviews = ReadOverrides(context.store, row.measurement_id);
  if (!reviews.ok() || reviews.value().empty()) {
    return ErrorPage(context, 500, "web.error.internal");
  }
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("conflict", true);
  values->set("id", row.measurement_id);
  values->set("message", Phrase(PageLanguage(context), "web.conflict"));
  values->set("review", ReviewValues(reviews.value().back()));
  return RenderPage(context, 409, Phrase(PageLanguage(context), "web.title.conflict"), "conflict",
                    values);
}

}  // namespace

WebResponse MeasurementPage(PageContext& context) {
  Result<std::optional<AssignmentRow>> row = OwnMeasurement(context);
  if (!row.ok()) return ErrorPage(context, 500, "web.error.internal");
  if (!row.value()) return ErrorPage(context, 404, "web.error.not_found");
  Status audited = AuditPageView(context, "web measurement",
                                 "measurement " + std::to_string(row.value()->measurement_id));
  if (!audited.ok()) return ErrorPage(context, 500, "web.error.internal");
  Result<Poco::JSON::Object::Ptr> values = MeasurementValues(context, *row.value());
  if (!values.ok()) return ErrorPage(context, 500, "web.error.internal");
  return RenderPage(
      context, 200,
      Phrase(PageLanguage(context), "web.title.measurement", {Value("{id}", context.path_id)}),
      "measurement", values.value());
}

WebResponse ReviewSubmit(PageContext& context) {
  Result<std::optional<AssignmentRow>> row = OwnMeasurement(context);
  if (!row.ok()) return ErrorPage(context, 500, "web.error.internal");
  if (!row.value()) return ErrorPage(context, 404, "web.error.not_found");
  ReviewDecision decision;
  const std::string problem = ReadReviewForm(context, *row.value(), &decision);
  if (!problem.empty()) return ErrorMessagePage(context, 400, problem);
  Result<OverrideOutcome> outcome = RecordReview(context.store, decision);
  if (!outcome.ok() && outcome.error().field == "version") {
    return Conflict(context, *row.value());
  }
  if (!outcome.ok()) return ErrorPage(context, 500, "web.error.internal");
  if (!context.request.wants_json) return Redirect("/measurements/" + context.path_id);
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("review", ReviewValues(outcome.value().stored));
  return JsonResponse(200, values);
}

}  // namespace clusterpilot
