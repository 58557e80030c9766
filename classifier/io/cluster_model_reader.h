// Reads a cluster model file (schemas/cluster-model.xsd, validated with
// Xerces-C against the copy of the schema compiled into the program) and
// compiles it. Every problem is reported with the file, line and column and
// what is wrong, e.g. `model.xml:41:52: excludes "22": no cluster 22 in this
// model`.
#ifndef CLUSTERPILOT_CLASSIFIER_IO_CLUSTER_MODEL_READER_H_
#define CLUSTERPILOT_CLASSIFIER_IO_CLUSTER_MODEL_READER_H_

#include <string>
#include <string_view>

#include "classifier/cluster_model.h"
#include "core/error.h"

namespace clusterpilot {

// The XML namespace of cluster model files.
inline constexpr char kClusterModelNamespace[] = "urn:clusterpilot:cluster-model:1";

// The schema text as compiled into the program.
std::string_view ClusterModelSchema();

// Parses and compiles the model in `xml`; `file_name` names it in errors.
Result<ClusterModel> ReadClusterModel(std::string_view xml, const std::string& file_name);

// Reads the file at `path` and parses it as above.
Result<ClusterModel> ReadClusterModelFile(const std::string& path);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_IO_CLUSTER_MODEL_READER_H_
