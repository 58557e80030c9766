// The fields of one measurement in an export, whatever the file calls them:
// CSV header aliases and XML attribute names both map onto these.
#ifndef CLUSTERPILOT_IMPORTERS_EXPORT_FIELD_H_
#define CLUSTERPILOT_IMPORTERS_EXPORT_FIELD_H_

#include <string_view>

#include "core/item_ratings.h"

namespace clusterpilot {

enum ExportField : int {
  kPatientField,
  kDepartmentField,
  kDateField,
  kClinicianField,
  kSuperclusterField,
  kRouteField,
  kHv08TypeField,
  kCoordinatingDepartmentField,  // regiebehandelaar_afdeling
  kOrganisationField,
  kFirstItemField,  // HV01; HV19 is kFirstItemField + 18
  kExportFieldCount = kFirstItemField + kItemCount,
};

inline constexpr ExportField ItemField(int item_index) {
  return static_cast<ExportField>(kFirstItemField + item_index);
}

// Fields a file must have (as columns or attributes): patient, department,
// date and every item. The others may be left out.
inline constexpr bool IsRequiredField(ExportField field) {
  return field == kPatientField || field == kDepartmentField || field == kDateField ||
         field >= kFirstItemField;
}

// A name for messages about a missing field: "patient", "HV07", "HV08 type".
std::string_view ExportFieldName(ExportField field);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_EXPORT_FIELD_H_
