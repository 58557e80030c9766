// Which column of a CSV export holds which field. EPDs and Excel users name
// columns freely ("Patiëntnummer", "patient_id", "HV7", "honos_7"), so names
// are compared folded (core/column_aliases.h): lower case, accents dropped,
// only letters and digits kept. Unknown columns are ignored and listed for the summary.
#ifndef CLUSTERPILOT_IMPORTERS_HEADER_MAPPING_H_
#define CLUSTERPILOT_IMPORTERS_HEADER_MAPPING_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "importers/export_field.h"

namespace clusterpilot {

inline constexpr int kNoColumn = -1;
inline constexpr int kIgnoredColumn = -2;

struct HeaderMapping {
  std::vector<int> field_of_column;                    // an ExportField, or kIgnoredColumn
  std::array<int, kExportFieldCount> column_of_field;  // kNoColumn when absent
  std::vector<std::string> header;                     // the header cells as written (UTF-8)
  std::vector<std::string> unknown_columns;            // not recognised, in file order

  HeaderMapping() { column_of_field.fill(kNoColumn); }

  // The column name the file uses for `field` ("" when absent).
  const std::string& NameOf(ExportField field) const;
};

// The field a header cell names, kIgnoredColumn for the reason column of our
// own reject files ("reden", "reason"), or kNoColumn when unknown.
int FieldForHeaderName(std::string_view name);

// Maps the header cells (already UTF-8) of `file_name`. Fails when two
// columns name the same field or a required field has no column; the error
// names every missing field with the names accepted for it.
Result<HeaderMapping> MapHeader(const std::vector<std::string>& header,
                                const std::string& file_name, int header_line);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_HEADER_MAPPING_H_
