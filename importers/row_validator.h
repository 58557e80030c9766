// Checks one raw measurement against the rules of a HoNOS+ export and turns
// it into a Measurement: ratings 0-4 or 9/empty (unknown), HV08 type A-J or
// empty, a real calendar date not after today (a time after it, as EPDs
// write timestamps, is ignored), a supercluster from the
// vocabulary, a patient and a department. Every problem of the row is
// reported, not only the first, so the person fixing the file fixes it once;
// only a value over its length limit or with a control character
// (importers/field_limits.h) is reported alone, before the other checks.
#ifndef CLUSTERPILOT_IMPORTERS_ROW_VALIDATOR_H_
#define CLUSTERPILOT_IMPORTERS_ROW_VALIDATOR_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.h"
#include "core/error.h"
#include "core/measurement.h"
#include "importers/raw_measurement.h"

namespace clusterpilot {

// How the file names its fields, for messages: the kind ("column" for CSV,
// "attribute" for XML) and the name of each field as written in the file.
struct FieldLabels {
  std::string kind;
  std::array<std::string, kExportFieldCount> names;
};

class RowValidator {
 public:
  RowValidator(FieldLabels labels, CalendarDate today);

  // Fills *measurement (ratings, date, ...) from `raw`; returns true when the
  // row is valid (then every field of *measurement is set, so a reused one
  // holds nothing stale). Use a validator from one thread at a time. Otherwise appends one
  // RowProblem per bad field (after the reader's own problems) to *problems and returns false.
  // Leading and trailing spaces around values are ignored.
  bool Validate(const RawMeasurement& raw, Measurement* measurement,
                std::vector<RowProblem>* problems) const;

  const FieldLabels& labels() const { return labels_; }

 private:
  // Holds every field to its limit (importers/field_limits.h); false when
  // one is broken.
  bool CheckLimits(const RawMeasurement& raw, std::vector<RowProblem>* problems) const;
  void Check(const RawMeasurement& raw, Measurement* measurement,
             std::vector<RowProblem>* problems) const;
  void Problem(const RawMeasurement& raw, ExportField field, std::string_view value,
               std::string reason, std::vector<RowProblem>* problems) const;

  FieldLabels labels_;
  CalendarDate today_;
  mutable std::string last_supercluster_text_;  // a cache; a validator serves one thread
  mutable std::optional<Supercluster> last_supercluster_ = Supercluster::kNone;
};

// A problem as the user reads it: `excel.csv:7: column "HV07" "5": not a
// rating (0-4, or 9 for unknown)`.
Error RowProblemError(const std::string& file_name, const std::string& field_kind,
                      const RowProblem& problem);

// Parses "full"/"volledig"/"volledige route", "dynamic"/"dynamisch"/
// "dynamische route" (any case) and "" (unknown). False for anything else.
bool ParseRoute(std::string_view text, RatingRoute* route);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_ROW_VALIDATOR_H_
