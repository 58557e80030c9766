// A copy of a store for analysts: patient and clinician ids replaced by keyed
// HMAC-SHA256 pseudonyms, so the same key gives the same pseudonyms in every
// copy (trajectories over months still join) while nobody without the key
// can link them back. Pseudonymised data is still personal data (GDPR).
#ifndef CLUSTERPILOT_STORE_PSEUDONYMISED_COPY_H_
#define CLUSTERPILOT_STORE_PSEUDONYMISED_COPY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

class Store;

// The shortest key accepted: 256 bits, the size of the HMAC-SHA256 output.
inline constexpr size_t kMinimumPseudonymKeyBytes = 32;

struct PseudonymisedCopySummary {
  int64_t measurements = 0;
  int64_t patients = 0;
};

// The pseudonym of `id` under `key`: HMAC-SHA256 as 64 lower-case hex digits.
std::string Pseudonym(std::string_view key, std::string_view id);

// Writes the copy to `out_path`, which must not exist (never replaced). What
// is copied: imports, measurements, models, classifications and overrides,
// with patient, clinician and acting-user ids pseudonymised. Left out: the
// rejected rows (they hold raw export lines), override reasons (free text
// may name people) and the source's audit log; the copy's own log starts a
// fresh chain with one entry naming the source store's path but no
// ids. The key never enters the copy. Built under a temporary name beside
// `out_path` and linked into place only when complete. Refuses a source
// holding tables this function does not know, so a new table is never
// copied, or lost, unseen.
Result<PseudonymisedCopySummary> WritePseudonymisedCopy(Store& source, std::string_view key,
                                                        const std::string& out_path,
                                                        const std::string& on_behalf_of);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_PSEUDONYMISED_COPY_H_
