#include "classifier/io/model_content_hash.h"

#include <gtest/gtest.h>

#include <string>

#include "classifier/default_model.h"
#include "classifier/io/cluster_model_reader.h"
#include "classifier/io/cluster_model_writer.h"

namespace clusterpilot {
namespace {

std::string ModelXml(const std::string& version, const std::string& indent) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<cluster-model xmlns=\"urn:clusterpilot:cluster-model:1\" name=\"test\" "
         "version=\"" +
         version + "\">\n" + indent + "<supercluster code=\"X\">\n" + indent + indent +
         "<cluster number=\"4\" name=\"severe\" constant=\"-1.5\">\n" + indent + indent + indent +
         "<coefficients><item code=\"HV07\" r0=\"-2\" r1=\"-1\" r2=\"0\" r3=\"0.5\" "
         "r4=\"1\"/></coefficients>\n" +
         indent + indent + "</cluster>\n" + indent + "</supercluster>\n</cluster-model>\n";
}

// The hash of the model in `xml`; empty (and the test failed) when it does
// not read.
std::string HashOf(const std::string& xml) {
  Result<ClusterModel> read = ReadClusterModel(xml, "model.xml");
  if (!read.ok()) {
    ADD_FAILURE() << read.error().ToString();
    return "";
  }
  return ModelContentHash(read.value());
}

TEST(ModelContentHashTest, IsTheSha256OfTheModelAsClusterpilotWritesIt) {
  // `sha256sum data/default-cluster-model.xml`. Stores registered the
  // built-in model under this hash: a change makes them refuse it, so a
  // changed built-in model takes a new version (2: cluster 4's profile and
  // the calibration).
  const std::string hash = ModelContentHash(DefaultClusterModel());
  EXPECT_EQ(hash, "df9917f30caa6f9b12024d7a8772701666bef091321cbfc923c9febde41dc00b");
  EXPECT_EQ(HashOf(WriteClusterModel(DefaultClusterModel())), hash);
}

TEST(ModelContentHashTest, IgnoresLayoutButNotContent) {
  const std::string two_spaces = HashOf(ModelXml("1", "  "));
  ASSERT_EQ(two_spaces.size(), 64u);
  EXPECT_EQ(HashOf(ModelXml("1", "\t")), two_spaces);
  EXPECT_NE(HashOf(ModelXml("2", "  ")), two_spaces);
}

}  // namespace
}  // namespace clusterpilot
