// The measurement page's details (the patient line, probabilities,
// explanation, flags, HoNOS+ grid, timeline and current review), rendered
// once per measurement and language and kept while the store's report
// inputs stay the same (store/report_inputs_stamp.h: every import,
// classification and review gives a new stamp). Reading the measurement's
// rows and rendering its details was over two fifths of a measurement
// request (perf on bench/web_bench). The review form's fields (the
// clusters grouped by supercluster, the version shown) are kept beside them,
// so only the form element with the session's CSRF token is rendered per
// request. Thread-safe (web/stamped_cache.h); details are shared read-only
// between the requests that show them.
#ifndef CLUSTERPILOT_WEB_MEASUREMENT_PAGE_CACHE_H_
#define CLUSTERPILOT_WEB_MEASUREMENT_PAGE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "core/language.h"
#include "store/assignment_listing.h"
#include "web/stamped_cache.h"

namespace clusterpilot {

struct MeasurementDetails {
  AssignmentRow row;      // for the department check and the audit entry
  std::string html;       // measurement_details.mustache, in the kept language
  std::string form_html;  // measurement_form.mustache: the form's fields
};

using SharedMeasurementDetails = std::shared_ptr<const MeasurementDetails>;

// Keyed by measurement and language; a few megabytes of pages at most.
class MeasurementPageCache
    : public StampedCache<std::pair<int64_t, Language>, SharedMeasurementDetails> {
 public:
  MeasurementPageCache() : StampedCache(kMaxEntries) {}

 private:
  static constexpr size_t kMaxEntries = 2048;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_MEASUREMENT_PAGE_CACHE_H_
