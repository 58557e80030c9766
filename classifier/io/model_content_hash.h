// A cluster model's identity in the store: the SHA-256 of the model as
// clusterpilot writes it, so two files holding the same model (re-indented,
// attributes reordered) have one hash and two different models never share one.
#ifndef CLUSTERPILOT_CLASSIFIER_IO_MODEL_CONTENT_HASH_H_
#define CLUSTERPILOT_CLASSIFIER_IO_MODEL_CONTENT_HASH_H_

#include <string>

namespace clusterpilot {

class ClusterModel;

// 64 lower-case hexadecimal digits.
std::string ModelContentHash(const ClusterModel& model);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_IO_MODEL_CONTENT_HASH_H_
