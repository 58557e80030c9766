#include "importers/field_limits.h"

#include <cstdio>

namespace clusterpilot {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string ControlName(unsigned char c) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", c);
  switch (c) {
    case 0x00:
      return std::string(hex) + " (NUL)";
    case 0x0A:
      return std::string(hex) + " (line feed)";
    case 0x0D:
      return std::string(hex) + " (carriage return)";
    default:
      return hex;
  }
}

}  // namespace

FieldLimit LimitOf(ExportField field) {
  switch (field) {
    case kPatientField:
      return {kMaxIdCharacters, "a patient id"};
    case kClinicianField:
      return {kMaxIdCharacters, "a clinician id"};
    case kDepartmentField:
    case kCoordinatingDepartmentField:
      return {kMaxIdCharacters, "a department"};
    case kOrganisationField:
      return {kMaxIdCharacters, "an organisation"};
    default:
      return {kMaxOtherCharacters, "any value"};
  }
}

std::optional<std::string> CheckFieldText(ExportField field, std::string_view value) {
  size_t characters = 0;
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (!IsContinuationByte(c)) ++characters;
    if (byte < 0x20 && byte != '\t') {
      return "contains the control character " + ControlName(byte) + " at character " +
             std::to_string(characters) + "; only tab is allowed";
    }
  }
  const FieldLimit limit = LimitOf(field);
  if (characters > limit.max_characters) {
    return "longer than " + std::to_string(limit.max_characters) + " characters, the limit for " +
           limit.what;
  }
  return std::nullopt;
}

}  // namespace clusterpilot
