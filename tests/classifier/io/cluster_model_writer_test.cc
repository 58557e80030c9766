#include "classifier/io/cluster_model_writer.h"

#include <gtest/gtest.h>

#include "classifier/io/cluster_model_reader.h"
#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

TEST(ClusterModelWriterTest, ACoefficientModelReadsBackExactly) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters[0].coefficients[Hv(12)] = {0.1, -0.000012, 123456.789, 1e-9, -2.5};
  definition.clusters[0].name = "a <name> with \"quotes\" & more";
  definition.description = "tiny & small";
  const ClusterModel model = ClusterModel::Compile(definition).value();
  const std::string xml = WriteClusterModel(model);
  Result<ClusterModel> read = ReadClusterModel(xml, "tiny.xml");
  ASSERT_TRUE(read.ok()) << read.error().ToString() << "\n" << xml;
  EXPECT_EQ(WriteClusterModel(read.value()), xml);
  for (int index = 0; index < model.cluster_count(); ++index) {
    EXPECT_EQ(read.value().cluster(index).coefficients, model.cluster(index).coefficients);
    EXPECT_EQ(read.value().cluster(index).constant, model.cluster(index).constant);
    EXPECT_EQ(read.value().cluster(index).atypical_above, model.cluster(index).atypical_above);
  }
  EXPECT_EQ(read.value().cluster(0).name, "a <name> with \"quotes\" & more");
  EXPECT_EQ(read.value().definition().description, "tiny & small");
  EXPECT_EQ(read.value().definition().red_rules.size(), 3u);
  ASSERT_TRUE(read.value().definition().red_rules[2].second.has_value());
  EXPECT_EQ(read.value().definition().conflict_rules.size(), 1u);
}

TEST(ClusterModelWriterTest, WritesDecimalsWithoutExponentsAndLeavesUnusedItemsOut) {
  ClusterModelDefinition definition = TinyModelDefinition();
  definition.clusters[0].coefficients[Hv(12)] = {0, 0, 0, 1e-9, 0};
  const std::string xml = WriteClusterModel(ClusterModel::Compile(definition).value());
  EXPECT_NE(
      xml.find("<item code=\"HV12\" r0=\"0\" r1=\"0\" r2=\"0\" r3=\"0.000000001\" r4=\"0\"/>"),
      std::string::npos)
      << xml;
  EXPECT_EQ(xml.find("HV13"), std::string::npos);
  for (char digit = '0'; digit <= '9'; ++digit) {
    EXPECT_EQ(xml.find(std::string(1, digit) + "e-"), std::string::npos) << digit;
  }
  EXPECT_NE(xml.find("<rule item=\"HV03\" rating=\"4\" and-item=\"HV09\" and-at-least=\"3\" "
                     "excludes=\"2\"/>"),
            std::string::npos);
}

}  // namespace
}  // namespace clusterpilot
