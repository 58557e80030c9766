#include "importers/export_field.h"

namespace clusterpilot {
namespace {

constexpr std::string_view kItemNames[kItemCount] = {
    "HV01", "HV02", "HV03", "HV04", "HV05", "HV06", "HV07", "HV08", "HV09", "HV10",
    "HV11", "HV12", "HV13", "HV14", "HV15", "HV16", "HV17", "HV18", "HV19"};

}  // namespace

std::string_view ExportFieldName(ExportField field) {
  switch (field) {
    case kPatientField:
      return "patient";
    case kDepartmentField:
      return "department";
    case kDateField:
      return "rating date";
    case kClinicianField:
      return "clinician";
    case kSuperclusterField:
      return "supercluster";
    case kRouteField:
      return "route";
    case kHv08TypeField:
      return "HV08 type";
    case kCoordinatingDepartmentField:
      return "coordinating department";
    case kOrganisationField:
      return "organisation";
    default:
      break;
  }
  if (field >= kFirstItemField && field < kExportFieldCount)
    return kItemNames[field - kFirstItemField];
  return "";
}

}  // namespace clusterpilot
