// What a report (and the web app's worklist) is made of changes with every
// import, classification and clinician review: a stamp of the store's
// latest of each, so a cached report or worklist can tell it is stale.
#ifndef CLUSTERPILOT_STORE_REPORT_INPUTS_STAMP_H_
#define CLUSTERPILOT_STORE_REPORT_INPUTS_STAMP_H_

#include <string>

#include "core/error.h"

namespace clusterpilot {

class Store;

// "BATCH.CLASSIFICATION.REVIEW.MODEL": the highest id of import_batch,
// classification, clinician_override and cluster_model_use (0 for an empty
// table). Rows are only ever added to those tables, so any change gives a
// new stamp; the model in use is there because switching back to a model
// used before changes the current clusters without a new classification.
// Four look-ups at the end of a primary key, however big the store.
Result<std::string> ReportInputsStamp(Store& store);

// The stamp's SQL, for the test that checks it reads no table whole.
const char* ReportInputsStampQuery();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_REPORT_INPUTS_STAMP_H_
