// Writes a compiled cluster model as a model file (schemas/cluster-model.xsd):
// profile-form clusters as profiles, the others as coefficients, every
// threshold spelled out (calibrated ones included), numbers in the shortest
// form that reads back to the same value. Reading the output gives the same
// model, and writing that again gives the same text.
#ifndef CLUSTERPILOT_CLASSIFIER_IO_CLUSTER_MODEL_WRITER_H_
#define CLUSTERPILOT_CLASSIFIER_IO_CLUSTER_MODEL_WRITER_H_

#include <string>

#include "classifier/cluster_model.h"

namespace clusterpilot {

std::string WriteClusterModel(const ClusterModel& model);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_IO_CLUSTER_MODEL_WRITER_H_
