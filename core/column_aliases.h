// Header aliases: which column of a delimited file holds which field, when
// people name columns freely ("Patiëntnummer", "patient_id", "Coëfficiënt ").
// Names compare folded: lower-case letters and digits only, accented Latin
// letters (UTF-8, or a single Windows-1252 byte) read as their base letter.
#ifndef CLUSTERPILOT_CORE_COLUMN_ALIASES_H_
#define CLUSTERPILOT_CORE_COLUMN_ALIASES_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clusterpilot {

inline constexpr int kUnknownColumn = -1;

// One accepted name of a field: the folded spelling and the caller's key
// for the field (an enum value, an index into its column table).
struct ColumnAlias {
  std::string folded;
  int key = 0;
};

struct ColumnMatch {
  std::vector<int> key_of_column;  // per header cell: a key, or kUnknownColumn
  std::vector<int> column_of_key;  // per key: the first column naming it, or kUnknownColumn
  // Two columns naming the same key (the first such pair), for the message.
  std::optional<std::pair<size_t, size_t>> duplicate;
};

// "Patiëntnummer" -> "patientnummer", "HV08_soort" -> "hv08soort",
// "Coëfficiënt " -> "coefficient".
std::string FoldColumnName(std::string_view name);

// Matches each header cell against `aliases` (keys 0 .. key_count-1).
ColumnMatch MatchColumns(const std::vector<std::string>& header,
                         const std::vector<ColumnAlias>& aliases, int key_count);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_COLUMN_ALIASES_H_
