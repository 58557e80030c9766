#include "importers/header_mapping.h"

#include <cctype>
#include <utility>

namespace clusterpilot {
namespace {

// Base letters of U+00C0..U+00FF (the accented letters of Western European
// languages); ' ' for the two signs, which folding then drops.
constexpr char kLatin1Base[65] =
    "aaaaaaaceeeeiiiidnooooo ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo ouuuuyty";

struct Alias {
  const char* folded;
  ExportField field;
};

// The folded names accepted for each field besides the item numbers.
constexpr Alias kAliases[] = {
    {"patientid", kPatientField},
    {"patient", kPatientField},
    {"patientnummer", kPatientField},
    {"patientnr", kPatientField},
    {"clientnummer", kPatientField},
    {"clientnr", kPatientField},
    {"clientid", kPatientField},
    {"client", kPatientField},
    {"department", kDepartmentField},
    {"afdeling", kDepartmentField},
    {"afdelingsnaam", kDepartmentField},
    {"team", kDepartmentField},
    {"teamnaam", kDepartmentField},
    {"ratingdate", kDateField},
    {"date", kDateField},
    {"datum", kDateField},
    {"meetdatum", kDateField},
    {"datummeting", kDateField},
    {"beoordelingsdatum", kDateField},
    {"datumbeoordeling", kDateField},
    {"clinician", kClinicianField},
    {"rater", kClinicianField},
    {"behandelaar", kClinicianField},
    {"beoordelaar", kClinicianField},
    {"supercluster", kSuperclusterField},
    {"route", kRouteField},
    {"hv08type", kHv08TypeField},
    {"hv8type", kHv08TypeField},
    {"hv08soort", kHv08TypeField},
    {"hv8soort", kHv08TypeField},
    {"soort8", kHv08TypeField},
    {"soort08", kHv08TypeField},
};

// The names a message suggests for a missing field.
std::string AcceptedNames(ExportField field) {
  switch (field) {
    case kPatientField:
      return "patient_id, patient, patientnummer or clientnummer";
    case kDepartmentField:
      return "department, afdeling or team";
    case kDateField:
      return "rating_date, date, datum or meetdatum";
    default:
      break;
  }
  const int number = field - kFirstItemField + 1;
  const std::string n = std::to_string(number);
  const std::string short_code = number < 10 ? "HV" + n + ", " : "";
  return std::string(ExportFieldName(field)) + ", " + short_code + "honos_" + n + " or item_" + n;
}

// "hv7", "hv07", "honos7", "item19" -> the item field; kNoColumn otherwise.
int ItemFieldFor(std::string_view folded) {
  for (std::string_view prefix : {"hv", "honos", "item"}) {
    if (folded.substr(0, prefix.size()) != prefix) continue;
    const std::string_view digits = folded.substr(prefix.size());
    if (digits.empty() || digits.size() > 2) return kNoColumn;
    int number = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return kNoColumn;
      number = number * 10 + (c - '0');
    }
    if (number >= 1 && number <= kItemCount) return ItemField(number - 1);
  }
  return kNoColumn;
}

}  // namespace

const std::string& HeaderMapping::NameOf(ExportField field) const {
  static const std::string kEmpty;
  const int column = column_of_field[field];
  return column >= 0 ? header[column] : kEmpty;
}

std::string FoldHeaderName(std::string_view name) {
  std::string folded;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      const unsigned char next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        folded += kLatin1Base[next - 0x80];
        ++i;
        continue;
      }
    }
    if (std::isspace(c) || c == '_' || c == '-' || c == '.') continue;
    folded += static_cast<char>(std::tolower(c));
  }
  std::erase(folded, ' ');
  return folded;
}

int FieldForHeaderName(std::string_view name) {
  const std::string folded = FoldHeaderName(name);
  if (folded == "reden" || folded == "reason") return kIgnoredColumn;
  for (const Alias& alias : kAliases) {
    if (folded == alias.folded) return alias.field;
  }
  return ItemFieldFor(folded);
}

Result<HeaderMapping> MapHeader(const std::vector<std::string>& header,
                                const std::string& file_name, int header_line) {
  HeaderMapping mapping;
  mapping.header = header;
  for (size_t column = 0; column < header.size(); ++column) {
    const int field = FieldForHeaderName(header[column]);
    if (field == kNoColumn) {
      // Excel leaves empty header cells after the last column; not worth a mention.
      if (!FoldHeaderName(header[column]).empty())
        mapping.unknown_columns.push_back(header[column]);
      mapping.field_of_column.push_back(kIgnoredColumn);
      continue;
    }
    mapping.field_of_column.push_back(field);
    if (field == kIgnoredColumn) continue;
    int& existing = mapping.column_of_field[field];
    if (existing != kNoColumn) {
      return LineError(
          file_name, header_line,
          "columns \"" + header[existing] + "\" and \"" + header[column] + "\" are both read as " +
              std::string(ExportFieldName(static_cast<ExportField>(field))) + "; keep one of them");
    }
    existing = static_cast<int>(column);
  }
  std::string missing;
  for (int field = 0; field < kExportFieldCount; ++field) {
    const auto export_field = static_cast<ExportField>(field);
    if (!IsRequiredField(export_field) || mapping.column_of_field[field] != kNoColumn) continue;
    if (!missing.empty()) missing += "; ";
    missing += "no column for " + std::string(ExportFieldName(export_field)) + " (name it " +
               AcceptedNames(export_field) + ")";
  }
  if (!missing.empty()) return LineError(file_name, header_line, missing);
  return mapping;
}

}  // namespace clusterpilot
