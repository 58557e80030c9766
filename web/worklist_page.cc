// The clinician's worklist: the measurements of their departments in one
// month, flagged first, with counts and paging; and "confirm all unflagged
// on this page", one POST that confirms each listed measurement through the
// same versioned review path as the measurement page.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <functional>
#include <sstream>

#include "core/calendar_date.h"
#include "core/care_cluster.h"
#include "core/cluster_assignment.h"
#include "store/assignment_listing.h"
#include "store/override_table.h"
#include "store/rating_lookup.h"
#include "web/assignment_values.h"
#include "web/cache_key.h"
#include "web/page_renderer.h"
#include "web/recent_reads.h"
#include "web/web_pages.h"
#include "web/worklist_cache.h"

namespace clusterpilot {
namespace {

constexpr size_t kRowsPerPage = 50;

struct FilterName {
  const char* name;
  WorklistFilter filter;
};
constexpr FilterName kFilters[] = {{"all", WorklistFilter::kAll},
                                   {"flagged", WorklistFilter::kFlagged},
                                   {"unreviewed", WorklistFilter::kUnreviewed},
                                   {"reviewed", WorklistFilter::kReviewed}};

// The asked filter's entry in kFilters; "all" for anything else.
const FilterName& ChosenFilter(const std::string& asked) {
  for (const FilterName& filter : kFilters) {
    if (asked == filter.name) return filter;
  }
  return kFilters[0];
}

size_t ChosenPage(const std::string& asked) {
  return std::max<size_t>(1, std::strtoul(asked.c_str(), nullptr, 10));
}

PageValues RowValues(const AssignmentRow& row, bool json) {
  PageValues values = AssignmentValues(row, json);
  values.SetNumber("probability_percent", std::lround(row.probability * 100));
  values.SetText("flags", FitFlagNames(row.flags));
  values.SetFlag("flagged", row.flags != 0);
  values.SetFlag("reviewed", row.clinician_override.has_value());
  values.SetNumber("version", row.clinician_override ? row.clinician_override->version : 0);
  if (row.clinician_override) {
    values.SetNumber("review_cluster", row.clinician_override->cluster);
    values.SetText("review_by", row.clinician_override->by_user);
  }
  return values;
}

// The user's departments' month as the chosen filter shows it: one
// department's cached view as it is, several merged in worklist order.
class DepartmentsMonth {
 public:
  DepartmentsMonth() = default;
  DepartmentsMonth(const DepartmentsMonth&) = delete;  // shown_ may point into merged_
  DepartmentsMonth& operator=(const DepartmentsMonth&) = delete;

  // The month's rows as read at `stamp` (ReportInputsStamp).
  Status Read(PageContext& context, const std::string& stamp, const CalendarMonth& month,
              WorklistFilter filter) {
    for (const std::string& department : context.user->user.departments) {
      Result<SharedRows> part = context.worklists.Rows(context.store, stamp, department, month);
      if (!part.ok()) return part.error();
      parts_.push_back(std::move(part.value()));
    }
    if (parts_.size() == 1) {
      shown_ = &parts_[0]->Shown(filter);
      return Status::Ok();
    }
    for (const SharedRows& part : parts_) {
      const auto& rows = part->Shown(filter);
      merged_.insert(merged_.end(), rows.begin(), rows.end());
    }
    // Most flags first, then department by department as the cache keeps them.
    std::stable_sort(merged_.begin(), merged_.end(),
                     [](const AssignmentRow* a, const AssignmentRow* b) {
                       return std::popcount(a->flags) > std::popcount(b->flags);
                     });
    shown_ = &merged_;
    return Status::Ok();
  }

  const std::vector<const AssignmentRow*>& Shown() const { return *shown_; }

  // The HTML of shown rows [begin, end), each rendered once while its
  // department's month is kept (web/rendered_rows.h).
  std::string RowsHtml(size_t begin, size_t end) const {
    std::string html;
    for (size_t i = begin; i < shown_->size() && i < end; ++i) AppendRowHtml(*(*shown_)[i], &html);
    return html;
  }

  // How many rows `filter` shows, over every department.
  int64_t Count(WorklistFilter filter) const {
    size_t count = 0;
    for (const SharedRows& part : parts_) count += part->Shown(filter).size();
    return static_cast<int64_t>(count);
  }

 private:
  // Appends the row's kept HTML, from the part that holds the row.
  void AppendRowHtml(const AssignmentRow& row, std::string* html) const {
    auto render = [&] { return RenderFragment("worklist_row", RowValues(row, false)); };
    const std::less<const AssignmentRow*> before;
    for (const SharedRows& part : parts_) {
      const AssignmentRow* first = part->rows.data();
      const AssignmentRow* end = first + part->rows.size();
      if (before(&row, first) || !before(&row, end)) continue;
      *html += part->html->Html(static_cast<size_t>(&row - first), render);
      return;
    }
    *html += render();  // every shown row is a part's; rendered unkept all the same
  }

  std::vector<SharedRows> parts_;  // keeps the rows alive
  std::vector<const AssignmentRow*> merged_;
  const std::vector<const AssignmentRow*>* shown_ = &merged_;
};

// The counts of every filter.
PageValues Counts(const DepartmentsMonth& month, bool json) {
  PageValues counts(json);
  for (const FilterName& filter : kFilters)
    counts.SetNumber(filter.name, month.Count(filter.filter));
  return counts;
}

// Unflagged, classified and not yet reviewed: what "confirm all unflagged"
// confirms.
bool Confirmable(const AssignmentRow& row) {
  return row.classified && row.flags == 0 && IsCareCluster(row.cluster) && !row.clinician_override;
}

// "12:0,15:0": the page's confirmable measurements with the review version
// each showed, for the confirm-all form.
std::string ConfirmableList(const std::vector<const AssignmentRow*>& rows, size_t begin,
                            size_t end) {
  std::string list;
  for (size_t i = begin; i < rows.size() && i < end; ++i) {
    if (!Confirmable(*rows[i])) continue;
    if (!list.empty()) list += ',';
    list += std::to_string(rows[i]->measurement_id) + ":0";
  }
  return list;
}

// The result line after a confirm-all, from its redirect's query.
void AddConfirmResult(const PageContext& context, PageValues* values) {
  const WebRequest& request = context.request;
  if (request.Query("confirmed").empty()) return;
  const long confirmed = std::strtol(request.Query("confirmed").c_str(), nullptr, 10);
  const long changed = std::strtol(request.Query("changed").c_str(), nullptr, 10);
  values->SetText("confirm_result", Phrase(PageLanguage(context), "web.confirm_result",
                                           {Value("{confirmed}", std::to_string(confirmed)),
                                            Value("{changed}", std::to_string(changed))}));
}

struct ListedReview {
  int64_t measurement_id = 0;
  int version = 0;
};

// Reads "12:0,15:1"; false on anything else.
bool ParseListedReviews(const std::string& text, std::vector<ListedReview>* listed) {
  std::stringstream stream(text);
  std::string entry;
  while (std::getline(stream, entry, ',')) {
    const size_t colon = entry.find(':');
    if (colon == std::string::npos) return false;
    ListedReview review;
    const char* begin = entry.data();
    const char* end = begin + entry.size();
    const auto id = std::from_chars(begin, begin + colon, review.measurement_id);
    const auto version = std::from_chars(begin + colon + 1, end, review.version);
    if (id.ec != std::errc() || id.ptr != begin + colon || version.ec != std::errc() ||
        version.ptr != end || review.measurement_id <= 0 || review.version < 0) {
      return false;
    }
    listed->push_back(review);
  }
  return !listed->empty();
}

// The worklist page the confirm-all form came from, rebuilt from checked
// values only (the form's text never reaches the Location header).
std::string WorklistLink(const WebRequest& request) {
  Result<CalendarMonth> month = CalendarMonth::Parse(request.Form("month"));
  const std::string filter = ChosenFilter(request.Form("filter")).name;
  const size_t page = ChosenPage(request.Form("page"));
  return "/worklist?month=" + (month.ok() ? month.value().Key() : std::string()) +
         "&filter=" + filter + "&page=" + std::to_string(page);
}

struct ConfirmTally {
  int64_t confirmed = 0;
  int64_t changed = 0;  // reviewed, flagged or reclassified by someone else meanwhile
};

// The listed measurements, each read again; nullopt when one is missing or
// another department's, so a forged list stores nothing at all.
Result<std::optional<std::vector<AssignmentRow>>> ListedRows(
    PageContext& context, const std::vector<ListedReview>& listed) {
  std::vector<AssignmentRow> rows;
  for (const ListedReview& review : listed) {
    Result<std::optional<AssignmentRow>> row = ReadAssignment(context.store, review.measurement_id);
    if (!row.ok()) return row.error();
    if (!row.value() || !WorksFor(context, row.value()->department)) {
      return std::optional<std::vector<AssignmentRow>>();
    }
    rows.push_back(*row.value());
  }
  return std::optional<std::vector<AssignmentRow>>(std::move(rows));
}

// Confirms one measurement if it is still unflagged and at the version the
// page showed, with its own audit entry; otherwise someone changed it
// meanwhile (reviewed, or reclassified with a flag).
Status ConfirmOne(PageContext& context, const AssignmentRow& row, int version,
                  const std::string& reason, ConfirmTally* tally) {
  if (!row.classified || row.flags != 0 || !IsCareCluster(row.cluster)) {
    ++tally->changed;
    return Status::Ok();
  }
  ReviewDecision decision;
  decision.measurement_id = row.measurement_id;
  decision.cluster = row.cluster;
  decision.reason = reason;
  decision.by_user = context.user->user.name;
  decision.expected_version = version;
  Result<OverrideOutcome> stored = RecordReview(context.store, decision);
  if (!stored.ok() && stored.error().field != "version") return stored.error();
  ++(stored.ok() ? tally->confirmed : tally->changed);
  return Status::Ok();
}

// The listing's values but its rows: month, filter, page, counts, paging.
void AddListingValues(const DepartmentsMonth& rows, const CalendarMonth& month,
                      const FilterName& filter, size_t page, PageValues* values) {
  const size_t shown = rows.Shown().size();
  values->SetText("month", month.Key());
  values->SetText("filter", filter.name);
  values->SetNumber("page", static_cast<int64_t>(page));
  values->SetNumber("pages", static_cast<int64_t>((shown + kRowsPerPage - 1) / kRowsPerPage));
  values->SetObject("counts", Counts(rows, values->json()));
  if (page * kRowsPerPage < shown) values->SetNumber("next_page", static_cast<int64_t>(page + 1));
}

// Everything a kept listing shows besides what the stamp covers.
std::string ListingKey(const PageContext& context, const CalendarMonth& month,
                       const FilterName& filter, size_t page) {
  CacheKey key;
  for (const std::string& department : context.user->user.departments) key.Add(department);
  key.Add(month.Key()).Add(filter.name).Add(std::to_string(page));
  return key.Add(LanguageCode(PageLanguage(context))).text();
}

}  // namespace

WebResponse WorklistPage(PageContext& context) {
  const WebRequest& request = context.request;
  // Read first: the rows and the latest month are kept under it.
  Result<std::string> stamp = context.recent_reads.Stamp(context.store, context.now);
  if (!stamp.ok()) return ErrorPage(context, 500, "web.error.internal");
  Result<CalendarMonth> month = ChosenMonth(
      request, [&] { return context.worklists.LatestMonth(context.store, stamp.value()); });
  if (!month.ok()) return ErrorPage(context, 400, "web.error.month");
  const FilterName& filter = ChosenFilter(request.Query("filter"));
  const size_t page = ChosenPage(request.Query("page"));
  Status audited = AuditPageView(context, "web worklist", "worklist " + month.value().Key());
  if (!audited.ok()) return ErrorPage(context, 500, "web.error.internal");
  DepartmentsMonth rows;
  if (!rows.Read(context, stamp.value(), month.value(), filter.filter).ok()) {
    return ErrorPage(context, 500, "web.error.internal");
  }
  const std::vector<const AssignmentRow*>& shown = rows.Shown();
  const bool json = request.wants_json;
  const size_t begin = (page - 1) * kRowsPerPage;
  const size_t end = page * kRowsPerPage;
  PageValues values(json);
  std::string confirmable;
  if (json) {
    PageList list(json, kRowsPerPage);
    for (size_t i = begin; i < shown.size() && i < end; ++i)
      list.AddObject(RowValues(*shown[i], json));
    values.SetList("measurements", std::move(list));
    AddListingValues(rows, month.value(), filter, page, &values);
    confirmable = ConfirmableList(shown, begin, end);
  } else {
    const std::string key = ListingKey(context, month.value(), filter, page);
    std::shared_ptr<const WorklistListing> listing =
        context.worklists.Listing(key, stamp.value(), [&] {
          PageValues listed(false);
          listed.SetText("rows_html", rows.RowsHtml(begin, end));
          AddListingValues(rows, month.value(), filter, page, &listed);
          return WorklistListing{RenderFragment("worklist_listing", listed, PageLanguage(context)),
                                 ConfirmableList(shown, begin, end)};
        });
    values.SetText("listing_html", listing->html);
    confirmable = listing->confirmable;
    // The confirm-all form's fields.
    values.SetText("month", month.value().Key());
    values.SetText("filter", filter.name);
    values.SetNumber("page", static_cast<int64_t>(page));
  }
  if (!confirmable.empty()) values.SetText("confirmable", confirmable);
  values.SetText("csrf_token", context.user->csrf_token);
  AddConfirmResult(context, &values);
  return RenderPage(
      context, 200,
      Phrase(PageLanguage(context), "web.title.worklist", {Value("{month}", month.value().Key())}),
      "worklist", values);
}

}  // namespace clusterpilot

namespace clusterpilot {

WebResponse ConfirmAllSubmit(PageContext& context) {
  const WebRequest& request = context.request;
  std::vector<ListedReview> listed;
  if (!ParseListedReviews(request.Form("measurements"), &listed)) {
    return ErrorPage(context, 400, "web.error.nothing_to_confirm");
  }
  std::string reason = request.Form("reason");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    reason = "bevestigd (alle ongemarkeerde) / confirmed (all unflagged)";
  }
  Result<std::optional<std::vector<AssignmentRow>>> rows = ListedRows(context, listed);
  if (!rows.ok()) return ErrorPage(context, 500, "web.error.internal");
  if (!rows.value()) return ErrorPage(context, 404, "web.error.not_found");
  ConfirmTally tally;
  for (size_t i = 0; i < listed.size(); ++i) {
    Status status = ConfirmOne(context, (*rows.value())[i], listed[i].version, reason, &tally);
    if (!status.ok()) return ErrorPage(context, 500, "web.error.internal");
  }
  if (request.wants_json) {
    Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
    values->set("confirmed", tally.confirmed);
    values->set("changed", tally.changed);
    return JsonResponse(200, values);
  }
  return Redirect(WorklistLink(request) + "&confirmed=" + std::to_string(tally.confirmed) +
                  "&changed=" + std::to_string(tally.changed));
}

}  // namespace clusterpilot
