#include "importers/row_validator.h"

#include <cctype>

#include "core/supercluster.h"
#include "importers/field_limits.h"

namespace clusterpilot {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// True for text shaped like one of the accepted date forms, such as
// "31-02-2026", whatever the numbers.
bool LooksLikeDate(std::string_view text) {
  std::string shape;
  for (char c : text) shape += std::isdigit(static_cast<unsigned char>(c)) ? '9' : c;
  if (shape == "9999-99-99") return true;
  for (char separator : {'-', '/'}) {
    for (const char* day : {"9", "99"}) {
      for (const char* month : {"9", "99"}) {
        if (shape == std::string(day) + separator + month + separator + "9999") return true;
      }
    }
  }
  return false;
}

// EPDs often export a timestamp ("07-03-2026 10:15", "2026-03-07T10:15:00");
// the rating date is the part before the time.
std::string_view WithoutTime(std::string_view text) {
  const size_t split = text.find_first_of(" T");
  if (split == std::string_view::npos) return text;
  std::string_view time = text.substr(split + 1);
  while (!time.empty() && time.front() == ' ') time.remove_prefix(1);
  std::string shape;
  for (char c : time) shape += std::isdigit(static_cast<unsigned char>(c)) ? '9' : c;
  for (const char* form : {"9:99", "99:99", "9:99:99", "99:99:99", "99:99:99Z"}) {
    if (shape == form) return text.substr(0, split);
  }
  return text;
}

std::string Lower(std::string_view text) {
  std::string lower;
  for (char c : text) {
    if (c != ' ' && c != '-' && c != '_') lower += static_cast<char>(std::tolower(c));
  }
  return lower;
}

constexpr const char* kNotARating = "not a rating (0-4, or 9 for unknown)";

}  // namespace

bool ParseRoute(std::string_view text, RatingRoute* route) {
  const std::string folded = Lower(Trim(text));
  if (folded.empty()) {
    *route = RatingRoute::kUnknown;
  } else if (folded == "full" || folded == "volledig" || folded == "volledigeroute") {
    *route = RatingRoute::kFull;
  } else if (folded == "dynamic" || folded == "dynamisch" || folded == "dynamischeroute") {
    *route = RatingRoute::kDynamic;
  } else {
    return false;
  }
  return true;
}

RowValidator::RowValidator(FieldLabels labels, CalendarDate today)
    : labels_(std::move(labels)), today_(today) {}

void RowValidator::Problem(const RawMeasurement& raw, ExportField field, std::string_view value,
                           std::string reason, std::vector<RowProblem>* problems) const {
  problems->push_back(
      RowProblem{raw.line, labels_.names[field], std::string(value), std::move(reason)});
}

bool RowValidator::Validate(const RawMeasurement& raw, Measurement* measurement,
                            std::vector<RowProblem>* problems) const {
  const size_t before = problems->size();
  problems->insert(problems->end(), raw.problems.begin(), raw.problems.end());
  // A value over its limit or holding a control character is reported on
  // its own: the other checks would only quote it back.
  if (CheckLimits(raw, problems)) Check(raw, measurement, problems);
  return problems->size() == before;
}

bool RowValidator::CheckLimits(const RawMeasurement& raw, std::vector<RowProblem>* problems) const {
  bool within = true;
  for (int field = 0; field < kExportFieldCount; ++field) {
    const auto export_field = static_cast<ExportField>(field);
    std::optional<std::string> why = CheckFieldText(export_field, Trim(raw.values[field]));
    if (!why) continue;
    Problem(raw, export_field, "", std::move(*why), problems);
    within = false;
  }
  return within;
}

void RowValidator::Check(const RawMeasurement& raw, Measurement* measurement,
                         std::vector<RowProblem>* problems) const {
  const std::string_view patient = Trim(raw.values[kPatientField]);
  if (patient.empty()) {
    Problem(raw, kPatientField, patient, "empty; every row needs a patient number", problems);
  }
  measurement->patient_id.assign(patient);

  const std::string_view department = Trim(raw.values[kDepartmentField]);
  if (department.empty()) {
    Problem(raw, kDepartmentField, department, "empty; every row needs a department", problems);
  }
  measurement->department.assign(department);

  const std::string_view date_text = Trim(raw.values[kDateField]);
  const std::optional<CalendarDate> date = CalendarDate::Parse(std::string(WithoutTime(date_text)));
  if (date_text.empty()) {
    Problem(raw, kDateField, date_text, "empty; every row needs a rating date", problems);
  } else if (!date) {
    Problem(raw, kDateField, date_text,
            LooksLikeDate(date_text)
                ? "no such day in the calendar"
                : "not a date (write dd-mm-yyyy, d-m-yyyy, dd/mm/yyyy or yyyy-mm-dd)",
            problems);
  } else if (*date > today_) {
    Problem(raw, kDateField, date_text, "lies in the future; a rating date cannot be after today",
            problems);
  } else {
    measurement->rating_date = *date;
  }

  measurement->clinician.assign(Trim(raw.values[kClinicianField]));
  measurement->coordinating_department.assign(Trim(raw.values[kCoordinatingDepartmentField]));
  measurement->organisation.assign(Trim(raw.values[kOrganisationField]));

  const std::string_view supercluster_text = Trim(raw.values[kSuperclusterField]);
  // An export repeats a handful of spellings a million times: remember the last.
  if (supercluster_text != last_supercluster_text_) {
    last_supercluster_text_.assign(supercluster_text);
    last_supercluster_ = ParseSupercluster(last_supercluster_text_);
  }
  const std::optional<Supercluster> supercluster = last_supercluster_;
  if (!supercluster) {
    Problem(raw, kSuperclusterField, supercluster_text,
            "not a supercluster (X/Y/Z, non-psychotic/psychotic/organic, "
            "niet-psychotisch/psychotisch/organisch, psychische aandoening/psychotische "
            "stoornis/cognitieve beperking, or empty for none)",
            problems);
  } else {
    measurement->supercluster = *supercluster;
  }

  const std::string_view route_text = Trim(raw.values[kRouteField]);
  if (!ParseRoute(route_text, &measurement->route)) {
    Problem(raw, kRouteField, route_text,
            "not a route (full or dynamic, volledig or dynamisch, "
            "or empty)",
            problems);
  }

  for (int item = 0; item < kItemCount; ++item) {
    const std::string& text = raw.values[ItemField(item)];
    const std::string_view trimmed = Trim(text);
    const bool parsed = trimmed.size() == text.size()
                            ? ParseRating(text, &measurement->ratings[item])
                            : ParseRating(std::string(trimmed), &measurement->ratings[item]);
    if (!parsed) Problem(raw, ItemField(item), trimmed, kNotARating, problems);
  }

  const std::string_view type = Trim(raw.values[kHv08TypeField]);
  measurement->hv08_type = 0;
  if (type.size() == 1 && std::toupper(static_cast<unsigned char>(type[0])) >= 'A' &&
      std::toupper(static_cast<unsigned char>(type[0])) <= 'J') {
    measurement->hv08_type = static_cast<char>(std::toupper(static_cast<unsigned char>(type[0])));
  } else if (!type.empty()) {
    Problem(raw, kHv08TypeField, type, "not an HV08 type (a letter A-J, or empty)", problems);
  }
}

Error RowProblemError(const std::string& file_name, const std::string& field_kind,
                      const RowProblem& problem) {
  Error error;
  error.file = file_name;
  error.line = problem.line;
  if (!problem.field.empty()) error.field = field_kind + " \"" + problem.field + "\"";
  error.value = problem.value;
  error.message = problem.reason;
  return error;
}

}  // namespace clusterpilot
