// What a report (and the web app's worklist) is made of changes with every
// import, classification and clinician review: a stamp of the store's
// latest of each, so a cached report or worklist can tell it is stale.
#ifndef CLUSTERPILOT_STORE_REPORT_INPUTS_STAMP_H_
#define CLUSTERPILOT_STORE_REPORT_INPUTS_STAMP_H_

#include <string>

#include "core/error.h"

namespace clusterpilot {

class Store;

// "BATCH.CLASSIFICATION.REVIEW": the highest id of import_batch,
// classification and clinician_override (0 for an empty table). Rows are
// only ever added to those tables, so any change gives a new stamp. Three
// look-ups at the end of a primary key, however big the store.
Result<std::string> ReportInputsStamp(Store& store);

// The stamp's SQL, for the test that checks it reads no table whole.
const char* ReportInputsStampQuery();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_REPORT_INPUTS_STAMP_H_
