// The limits every export field is held to, CSV and XML alike: one table,
// read by the row validator for both formats. Ids and names are short in
// every EPD (the export schema once said 200 characters); a longer value is
// a mistake or an attack, and a control character (NUL, line breaks, any C0
// byte but tab) makes one patient look like another on every screen.
// The bound on what a reader keeps at all is kMaxValueBytes
// (core/delimited_reader.h); these limits apply within it.
#ifndef CLUSTERPILOT_IMPORTERS_FIELD_LIMITS_H_
#define CLUSTERPILOT_IMPORTERS_FIELD_LIMITS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "importers/export_field.h"

namespace clusterpilot {

struct FieldLimit {
  size_t max_characters;  // UTF-8 characters
  const char* what;       // for the message: "a patient id"
};

inline constexpr size_t kMaxIdCharacters = 200;
// Any other field: a rating, a date, a supercluster name; generous.
inline constexpr size_t kMaxOtherCharacters = 200;

// The limit of `field`.
FieldLimit LimitOf(ExportField field);

// Why `value` (UTF-8) may not be stored in `field`, or nothing when it may:
// "longer than 200 characters, the limit for a patient id", or
// "contains the control character 0x00 (NUL) at character 5; only tab is
// allowed". The value itself stays out of the reason.
std::optional<std::string> CheckFieldText(ExportField field, std::string_view value);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_FIELD_LIMITS_H_
