#include "importers/header_mapping.h"

#include <utility>

#include "core/column_aliases.h"

namespace clusterpilot {
namespace {

// The key of the reason column of our own reject files.
constexpr int kReasonKey = kExportFieldCount;

struct NamedAlias {
  const char* folded;
  int field;
};

// The folded names accepted for each field besides the item numbers.
constexpr NamedAlias kNamedAliases[] = {
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
    {"regiebehandelaarafdeling", kCoordinatingDepartmentField},
    {"afdelingregiebehandelaar", kCoordinatingDepartmentField},
    {"coordinatingdepartment", kCoordinatingDepartmentField},
    {"organisatie", kOrganisationField},
    {"organisation", kOrganisationField},
    {"organization", kOrganisationField},
    {"reden", kReasonKey},
    {"reason", kReasonKey},
};

// Every accepted name: the named fields, and per item "hv7", "hv07",
// "honos7", "honos07", "item7", "item07".
const std::vector<ColumnAlias>& Aliases() {
  static const std::vector<ColumnAlias> aliases = [] {
    std::vector<ColumnAlias> all;
    for (const NamedAlias& alias : kNamedAliases) all.push_back({alias.folded, alias.field});
    for (int item = 0; item < kItemCount; ++item) {
      const std::string number = std::to_string(item + 1);
      for (const char* prefix : {"hv", "honos", "item"}) {
        all.push_back({prefix + number, ItemField(item)});
        if (item < 9) all.push_back({std::string(prefix) + "0" + number, ItemField(item)});
      }
    }
    return all;
  }();
  return aliases;
}

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

Error HeaderError(const std::string& file_name, int line, std::string message) {
  Error error;
  error.file = file_name;
  error.line = line;
  error.message = std::move(message);
  return error;
}

}  // namespace

const std::string& HeaderMapping::NameOf(ExportField field) const {
  static const std::string kEmpty;
  const int column = column_of_field[field];
  return column >= 0 ? header[column] : kEmpty;
}

int FieldForHeaderName(std::string_view name) {
  const ColumnMatch match = MatchColumns({std::string(name)}, Aliases(), kReasonKey + 1);
  const int key = match.key_of_column[0];
  if (key == kReasonKey) return kIgnoredColumn;
  return key == kUnknownColumn ? kNoColumn : key;
}

Result<HeaderMapping> MapHeader(const std::vector<std::string>& header,
                                const std::string& file_name, int header_line) {
  const ColumnMatch match = MatchColumns(header, Aliases(), kReasonKey + 1);
  // Two reason columns harm nothing: both are ignored.
  if (match.duplicate && match.key_of_column[match.duplicate->first] != kReasonKey) {
    const auto [first, second] = *match.duplicate;
    const auto field = static_cast<ExportField>(match.key_of_column[first]);
    return HeaderError(file_name, header_line,
                       "columns \"" + header[first] + "\" and \"" + header[second] +
                           "\" are both read as " + std::string(ExportFieldName(field)) +
                           "; keep one of them");
  }
  HeaderMapping mapping;
  mapping.header = header;
  for (size_t column = 0; column < header.size(); ++column) {
    const int key = match.key_of_column[column];
    if (key == kUnknownColumn || key == kReasonKey) {
      // Excel leaves empty header cells after the last column; not worth a mention.
      if (key == kUnknownColumn && !FoldColumnName(header[column]).empty())
        mapping.unknown_columns.push_back(header[column]);
      mapping.field_of_column.push_back(kIgnoredColumn);
      continue;
    }
    mapping.field_of_column.push_back(key);
    mapping.column_of_field[key] = static_cast<int>(column);
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
