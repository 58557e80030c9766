// The measurement page's details (the patient line, probabilities,
// explanation, flags, HoNOS+ grid, timeline and current review), rendered
// once per measurement and language and kept while the store's report
// inputs stay the same (store/report_inputs_stamp.h: every import,
// classification and review gives a new stamp). Reading the measurement's
// rows and rendering its details was over two fifths of a measurement
// request (perf on bench/web_bench). Only the review form, with the
// session's CSRF token, is rendered per request. Thread-safe; details are
// shared read-only between the requests that show them.
#ifndef CLUSTERPILOT_WEB_MEASUREMENT_PAGE_CACHE_H_
#define CLUSTERPILOT_WEB_MEASUREMENT_PAGE_CACHE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "core/language.h"
#include "store/assignment_listing.h"

namespace clusterpilot {

struct MeasurementDetails {
  AssignmentRow row;  // for the department check, the audit entry and the form
  std::string html;   // measurement_details.mustache, in the kept language
};

using SharedMeasurementDetails = std::shared_ptr<const MeasurementDetails>;

class MeasurementPageCache {
 public:
  MeasurementPageCache() = default;
  MeasurementPageCache(const MeasurementPageCache&) = delete;
  MeasurementPageCache& operator=(const MeasurementPageCache&) = delete;

  // The details kept for the measurement in `language` at `stamp`; nullptr
  // when none are, or they were read at another stamp.
  SharedMeasurementDetails Find(int64_t measurement_id, Language language,
                                const std::string& stamp);

  // Keeps `details`, read at `stamp`, in place of older ones.
  void Keep(int64_t measurement_id, Language language, const std::string& stamp,
            SharedMeasurementDetails details);

 private:
  struct Entry {
    std::string stamp;
    SharedMeasurementDetails details;
  };
  // A few megabytes of pages; past it, all are dropped and kept anew.
  static constexpr size_t kMaxEntries = 2048;

  std::mutex mutex_;
  std::map<std::pair<int64_t, Language>, Entry> entries_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_MEASUREMENT_PAGE_CACHE_H_
