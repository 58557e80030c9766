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
#include "web/assignment_values.h"
#include "web/measurement_page_cache.h"
#include "web/page_renderer.h"
#include "web/recent_reads.h"
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

PageList RatingValues(const ItemRatings& ratings, Language language, bool json) {
  PageList items(json, kItemCount);
  for (int i = 0; i < kItemCount; ++i) {
    PageValues item(json);
    item.SetText("code", std::string(kHonosItems[i].code));
    item.SetText("name", std::string(language == Language::kDutch ? kHonosItems[i].dutch
                                                                  : kHonosItems[i].english));
    item.SetText("rating",
                 ratings[i] == kUnknownRating ? std::string("?") : std::to_string(ratings[i]));
    items.AddObject(std::move(item));
  }
  return items;
}

PageList ProbabilityValues(const std::string& encoded, bool json) {
  std::vector<ClusterProbability> ranked;
  if (!DecodeProbabilities(encoded, &ranked)) ranked.clear();
  PageList list(json, ranked.size());
  for (const ClusterProbability& entry : ranked) {
    PageValues value(json);
    value.SetNumber("cluster", entry.cluster);
    value.SetNumber("percent", std::lround(entry.probability * 100));
    list.AddObject(std::move(value));
  }
  return list;
}

PageList Lines(const std::string& text, bool json) {
  std::vector<std::string> found;
  std::stringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) {
    if (!line.empty()) found.push_back(line);
  }
  PageList lines(json, found.size());
  for (const std::string& each : found) lines.AddText(each);
  return lines;
}

PageValues ReviewValues(const ClinicianOverride& review, bool json) {
  PageValues values(json);
  values.SetNumber("cluster", review.cluster);
  values.SetFlag("no_fitting_cluster", review.cluster == kNoFittingCluster);
  values.SetText("reason", review.reason);
  values.SetText("by", review.by_user);
  values.SetText("at", review.at);
  values.SetNumber("version", review.version);
  values.SetFlag("outside_supercluster", review.outside_supercluster);
  return values;
}

Result<PageList> TimelineValues(PageContext& context, const std::string& patient, bool json) {
  Result<std::vector<TimelinePoint>> points = ReadPatientTimeline(context.store, patient);
  if (!points.ok()) return points.error();
  PageList list(json, points.value().size());
  for (const TimelinePoint& point : points.value()) {
    PageValues value(json);
    value.SetNumber("id", point.measurement_id);
    value.SetText("rating_date", point.rating_date);
    value.SetText("department", point.department);
    value.SetNumber("cluster", point.cluster);
    list.AddObject(std::move(value));
  }
  return list;
}

// The care clusters grouped by the regulation's supercluster, for the
// form's optgroups; the measurement's own supercluster first.
PageList ClusterGroups(Supercluster rated, bool json) {
  static const Supercluster kOrder[] = {Supercluster::kNonPsychotic, Supercluster::kPsychotic,
                                        Supercluster::kOrganic};
  PageList groups(json, std::size(kOrder));
  for (int pass = 0; pass < 2; ++pass) {
    for (Supercluster supercluster : kOrder) {
      if ((supercluster == rated) != (pass == 0)) continue;
      PageValues group(json);
      group.SetText("label",
                    SuperclusterLetter(supercluster) + " " + SuperclusterName(supercluster));
      PageList clusters(json, kHighestCareCluster);
      for (int cluster = 1; cluster <= kHighestCareCluster; ++cluster) {
        if (RegulationSupercluster(cluster) == supercluster) clusters.AddNumber(cluster);
      }
      group.SetList("clusters", std::move(clusters));
      groups.AddObject(std::move(group));
    }
  }
  return groups;
}

// Everything the page shows but the review form.
Result<PageValues> DetailValues(PageContext& context, const AssignmentRow& row, bool json) {
  Result<std::optional<ItemRatings>> ratings =
      ReadMeasurementRatings(context.store, row.measurement_id);
  if (!ratings.ok()) return ratings.error();
  Result<PageList> timeline = TimelineValues(context, row.patient_id, json);
  if (!timeline.ok()) return timeline.error();
  PageValues values = AssignmentValues(row, json);
  values.SetList("items", RatingValues(ratings.value().value_or(UnknownRatings()),
                                       PageLanguage(context), json));
  values.SetList("probabilities", ProbabilityValues(row.probabilities, json));
  const ExplanationLanguage language = PageLanguage(context) == Language::kEnglish
                                           ? ExplanationLanguage::kEnglish
                                           : ExplanationLanguage::kDutch;
  values.SetText("explanation", DescribeStoredExplanation(row.explanation, language));
  values.SetText("counterfactual", DescribeStoredCounterfactual(row.explanation, language));
  values.SetList("flags", Lines(row.flag_reasons, json));
  values.SetList("timeline", std::move(timeline.value()));
  if (row.clinician_override) {
    values.SetObject("review", ReviewValues(*row.clinician_override, json));
  }
  return values;
}

// The review form's values but the session's CSRF token: the cluster to
// confirm, the version the page shows and the clusters to choose from.
void AddFormValues(const AssignmentRow& row, PageValues* values) {
  values->SetNumber("id", row.measurement_id);
  values->SetNumber("cluster", row.cluster);
  values->SetText("supercluster", SuperclusterLetter(row.supercluster));
  values->SetNumber("version", row.clinician_override ? row.clinician_override->version : 0);
  values->SetList("cluster_groups", ClusterGroups(row.supercluster, values->json()));
}

// The details and the form's fields of the HTML page, rendered.
Result<SharedMeasurementDetails> RenderDetails(PageContext& context, AssignmentRow row) {
  const Language language = PageLanguage(context);
  Result<PageValues> values = DetailValues(context, row, false);
  if (!values.ok()) return values.error();
  PageValues form(false);
  AddFormValues(row, &form);
  std::string html = RenderFragment("measurement_details", values.value(), language);
  std::string form_html = RenderFragment("measurement_form", form, language);
  return std::make_shared<const MeasurementDetails>(
      MeasurementDetails{std::move(row), std::move(html), std::move(form_html)});
}

// The measurement's details for the HTML page: kept ones while the store's
// report inputs hold (web/measurement_page_cache.h), else read and rendered
// now and kept. nullptr when the measurement is missing or another
// department's.
Result<SharedMeasurementDetails> OwnMeasurementDetails(PageContext& context) {
  // The stamp is read before the rows, so kept details are never older
  // than the stamp they are kept under.
  Result<std::string> stamp = context.recent_reads.Stamp(context.store, context.now);
  if (!stamp.ok()) return stamp.error();
  const int64_t id = WholeNumber(context.path_id);
  const Language language = PageLanguage(context);
  SharedMeasurementDetails details =
      context.measurement_pages.Find({id, language}, stamp.value()).value_or(nullptr);
  if (details == nullptr) {
    Result<std::optional<AssignmentRow>> row = OwnMeasurement(context);
    if (!row.ok()) return row.error();
    if (!row.value()) return SharedMeasurementDetails();
    Result<SharedMeasurementDetails> rendered = RenderDetails(context, std::move(*row.value()));
    if (!rendered.ok()) return rendered;
    details = rendered.value();
    context.measurement_pages.Keep({id, language}, stamp.value(), details);
  }
  // Checked on every request: kept details are shared by every user.
  if (!WorksFor(context, details->row.department)) return SharedMeasurementDetails();
  return details;
}

// The page as JSON, read afresh: the same keys as the page's values.
WebResponse MeasurementJson(PageContext& context) {
  Result<std::optional<AssignmentRow>> row = OwnMeasurement(context);
  if (!row.ok()) return ErrorPage(context, 500, "web.error.internal");
  if (!row.value()) return ErrorPage(context, 404, "web.error.not_found");
  Status audited = AuditPageView(context, "web measurement",
                                 "measurement " + std::to_string(row.value()->measurement_id));
  if (!audited.ok()) return ErrorPage(context, 500, "web.error.internal");
  Result<PageValues> values = DetailValues(context, *row.value(), true);
  if (!values.ok()) return ErrorPage(context, 500, "web.error.internal");
  AddFormValues(*row.value(), &values.value());
  values.value().SetText("csrf_token", context.user->csrf_token);
  return JsonResponse(200, values.value().Json());
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
  PageValues values(context.request.wants_json);
  values.SetFlag("conflict", true);
  values.SetNumber("id", row.measurement_id);
  values.SetText("message", Phrase(PageLanguage(context), "web.conflict"));
  values.SetObject("review", ReviewValues(reviews.value().back(), values.json()));
  return RenderPage(context, 409, Phrase(PageLanguage(context), "web.title.conflict"), "conflict",
                    values);
}

}  // namespace

WebResponse MeasurementPage(PageContext& context) {
  if (context.request.wants_json) return MeasurementJson(context);
  Result<SharedMeasurementDetails> details = OwnMeasurementDetails(context);
  if (!details.ok()) return ErrorPage(context, 500, "web.error.internal");
  if (!details.value()) return ErrorPage(context, 404, "web.error.not_found");
  const AssignmentRow& row = details.value()->row;
  Status audited = AuditPageView(context, "web measurement",
                                 "measurement " + std::to_string(row.measurement_id));
  if (!audited.ok()) return ErrorPage(context, 500, "web.error.internal");
  PageValues values(false);
  values.SetNumber("id", row.measurement_id);
  values.SetText("csrf_token", context.user->csrf_token);
  values.SetText("details_html", details.value()->html);
  values.SetText("form_html", details.value()->form_html);
  return RenderPage(
      context, 200,
      Phrase(PageLanguage(context), "web.title.measurement", {Value("{id}", context.path_id)}),
      "measurement", values);
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
  PageValues values(true);
  values.SetObject("review", ReviewValues(outcome.value().stored, true));
  return JsonResponse(200, values.Json());
}

}  // namespace clusterpilot
