#include "classifier/io/nza_code_list_importer.h"

#include <gtest/gtest.h>

#include "classifier/cluster_scorer.h"
#include "classifier/io/cluster_model_reader.h"
#include "classifier/io/cluster_model_writer.h"
#include "tests/classifier/tiny_model.h"

namespace clusterpilot {
namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";

// Coefficients of ZT01 and ZT10 for HV06 and HV07, answers 0-4, with a
// decimal comma: ZT01 HV07 answer a is "0,a5", everything else "-0,a".
std::string CoefficientRows() {
  std::string rows;
  for (const char* type : {"ZT01", "ZT10"}) {
    for (const char* question : {"HV06", "HV07"}) {
      for (int answer = 0; answer <= 4; ++answer) {
        const bool special = std::string(type) == "ZT01" && std::string(question) == "HV07";
        rows += std::string(question) + ";" + std::to_string(answer) + ";" + type + ";" +
                (special ? "0," + std::to_string(answer) + "5" : "-0," + std::to_string(answer)) +
                "\n";
      }
    }
  }
  return rows;
}

NzaCodeLists Tables() {
  return {{"coefficients.csv", std::string(kBom) +
                                   "Vraag;Antwoord;Zorgvraagtype;Co\xC3\xAB"
                                   "ffici\xC3\xAB"
                                   "nt\n" +
                                   CoefficientRows()},
          {"constants.csv", "Zorgvraagtype;Constante\nZT01;-0,5\nZT10;0,25\n"},
          {"red-rules.csv",
           "Vraag;Antwoord;Vraag 2;Antwoord 2;Zorgvraagtype\nHV06;4;;;ZT01\nHV03;4;HV09;3;ZT10\n"}};
}

std::string ImportError(const NzaCodeLists& tables) {
  Result<NzaImport> imported = ImportNzaCodeLists(tables, "NZa", "2026");
  return imported.ok() ? "(imported)" : imported.error().ToString();
}

TEST(NzaCodeListImporterTest, TurnsTheThreeTablesIntoAModel) {
  Result<NzaImport> imported = ImportNzaCodeLists(Tables(), "NZa", "2026-01");
  ASSERT_TRUE(imported.ok()) << imported.error().ToString();
  EXPECT_TRUE(imported.value().warnings.empty());
  const ClusterModel& model = imported.value().model;
  EXPECT_EQ(model.name(), "NZa");
  EXPECT_EQ(model.version(), "2026-01");
  ASSERT_EQ(model.cluster_count(), 2);
  const ModelCluster& one = model.cluster(model.IndexOf(1));
  EXPECT_EQ(one.supercluster, Supercluster::kNonPsychotic);
  EXPECT_EQ(one.name, "common mental health problems, low severity");
  EXPECT_DOUBLE_EQ(one.constant, -0.5);
  EXPECT_DOUBLE_EQ(one.coefficients[Hv(7)][3], 0.35);
  EXPECT_DOUBLE_EQ(one.coefficients[Hv(6)][4], -0.4);
  EXPECT_DOUBLE_EQ(one.coefficients[Hv(1)][4], 0);  // not in the tables
  EXPECT_EQ(model.cluster(model.IndexOf(10)).supercluster, Supercluster::kPsychotic);
  ASSERT_EQ(model.definition().red_rules.size(), 2u);
  const RedRule& pair = model.definition().red_rules[1];
  EXPECT_EQ(pair.first.match, RatingMatch::kExactly);
  ASSERT_TRUE(pair.second.has_value());
  EXPECT_EQ(pair.second->item, Hv(9));
  EXPECT_EQ(pair.second->rating, 3);
  EXPECT_EQ(pair.second->match, RatingMatch::kExactly);
  EXPECT_EQ(pair.excluded_clusters, std::vector<int>{10});
  EXPECT_FALSE(model.definition().conflict_rules.empty());

  ClusterScores scores;
  ScoreClusters(model, Ratings({{7, 3}, {6, 1}}), Supercluster::kNone, &scores);
  EXPECT_FLOAT_EQ(scores.score[model.IndexOf(1)], -0.5f + 0.35f - 0.1f);
  ScoreClusters(model, Ratings({{6, 4}}), Supercluster::kNonPsychotic, &scores);
  EXPECT_EQ(scores.ranked_count, 0);  // HV06 = 4 excludes ZT01

  // The model file it becomes reads back as the same model.
  const std::string xml = WriteClusterModel(model);
  Result<ClusterModel> reread = ReadClusterModel(xml, "nza.xml");
  ASSERT_TRUE(reread.ok()) << reread.error().ToString();
  EXPECT_EQ(WriteClusterModel(reread.value()), xml);
}

TEST(NzaCodeListImporterTest, AcceptsWindows1252HeadersNumbersForCodesAndPoints) {
  NzaCodeLists tables = Tables();
  tables.coefficients.content =
      "question;answer;type;Co\xEB"
      "ffici\xEB"
      "nt\n" +
      CoefficientRows();
  tables.constants.content = "type;constant\n1;-0.5\n10;0,25\n";
  Result<NzaImport> imported = ImportNzaCodeLists(tables, "NZa", "1");
  ASSERT_TRUE(imported.ok()) << imported.error().ToString();
  EXPECT_DOUBLE_EQ(imported.value().model.cluster(0).constant, -0.5);
}

TEST(NzaCodeListImporterTest, SkipsAnswerNineWithAWarning) {
  NzaCodeLists tables = Tables();
  tables.coefficients.content += "HV07;9;ZT01;0,0\n";
  Result<NzaImport> imported = ImportNzaCodeLists(tables, "NZa", "1");
  ASSERT_TRUE(imported.ok()) << imported.error().ToString();
  ASSERT_EQ(imported.value().warnings.size(), 1u);
  EXPECT_EQ(imported.value().warnings[0],
            "coefficients.csv:22: answer 9 (not known) skipped: an unknown answer contributes "
            "nothing in this model");
}

TEST(NzaCodeListImporterTest, ATypeWithoutAConstantIsAGap) {
  NzaCodeLists tables = Tables();
  tables.constants.content = "Zorgvraagtype;Constante\nZT01;-0,5\n";
  EXPECT_EQ(ImportError(tables),
            "constants.csv: zorgvraagtype \"ZT10\": no constant (ZT10 has coefficients in "
            "coefficients.csv)");
}

TEST(NzaCodeListImporterTest, AnAnswerWithoutACoefficientIsAGap) {
  NzaCodeLists tables = Tables();
  const std::string row = "HV07;2;ZT10;-0,2\n";
  tables.coefficients.content.erase(tables.coefficients.content.find(row), row.size());
  EXPECT_EQ(ImportError(tables),
            "coefficients.csv: zorgvraagtype \"ZT10\": no coefficient for HV07 answer 2");
}

TEST(NzaCodeListImporterTest, AQuestionMissingForOneTypeIsAGap) {
  NzaCodeLists tables = Tables();
  tables.coefficients.content +=
      "HV02;0;ZT01;0\nHV02;1;ZT01;0\nHV02;2;ZT01;0\nHV02;3;ZT01;0\n"
      "HV02;4;ZT01;0\n";
  EXPECT_EQ(ImportError(tables),
            "coefficients.csv: zorgvraagtype \"ZT10\": no coefficient for HV02 answer 0");
}

struct BadTable {
  std::string table;  // "coefficients", "constants" or "red-rules"
  std::string content;
  std::string error;
};

class NzaCodeListErrorTest : public testing::TestWithParam<BadTable> {};

TEST_P(NzaCodeListErrorTest, NamesFileLineColumnAndValue) {
  const BadTable& bad = GetParam();
  NzaCodeLists tables = Tables();
  CsvText& table = bad.table == "coefficients" ? tables.coefficients
                   : bad.table == "constants"  ? tables.constants
                                               : tables.red_rules;
  table.content = bad.content;
  EXPECT_EQ(ImportError(tables), bad.error);
}

INSTANTIATE_TEST_SUITE_P(
    Table, NzaCodeListErrorTest,
    testing::Values(
        BadTable{"coefficients",
                 "Vraag;Antwoord;Zorgvraagtype;Coefficient\nHV06;0;ZT01;-0,1\n"
                 "HV20;1;ZT01;0\n",
                 "coefficients.csv:3: column \"question\" \"HV20\": not a HoNOS+ question "
                 "(HV01-HV19)"},
        BadTable{"coefficients", "Vraag;Antwoord;Zorgvraagtype;Coefficient\nHV06;5;ZT01;0\n",
                 "coefficients.csv:2: column \"answer\" \"5\": not an answer (0-4, or 9 for not "
                 "known)"},
        BadTable{"coefficients", "Vraag;Antwoord;Zorgvraagtype;Coefficient\nHV06;0;ZT09;0\n",
                 "coefficients.csv:2: column \"zorgvraagtype\" \"ZT09\": not a zorgvraagtype "
                 "(ZT01-ZT21; ZT09 is unused)"},
        BadTable{"coefficients", "Vraag;Antwoord;Zorgvraagtype;Coefficient\nHV06;0;ZT01;1,2,3\n",
                 "coefficients.csv:2: column \"coefficient\" \"1,2,3\": not a number (write "
                 "decimals as -0,1234)"},
        BadTable{"coefficients",
                 "Vraag;Antwoord;Zorgvraagtype;Coefficient\nHV06;0;ZT01;0\n"
                 "HV06;0;ZT01;1\n",
                 "coefficients.csv:3: ZT01 HV06 answer 0 given twice (first on line 2)"},
        BadTable{"coefficients", "Vraag;Antwoord;Coefficient\nHV06;0;0\n",
                 "coefficients.csv:1: no column \"zorgvraagtype\" in the header (expected "
                 "question;answer;zorgvraagtype;coefficient)"},
        BadTable{"constants", "Zorgvraagtype,Constante\nZT01,-0.5\n",
                 "constants.csv:1: expected columns separated by ';' (as the NZa spreadsheet "
                 "exports them)"},
        BadTable{"constants", "", "constants.csv: is empty"},
        BadTable{"constants", "Zorgvraagtype;Constante\nZT01;-0,5\nZT10;0\nZT01;1\n",
                 "constants.csv:4: column \"zorgvraagtype\" \"ZT01\": constant given twice (first "
                 "on line 2)"},
        BadTable{"constants", "Zorgvraagtype;Constante\nZT01;-0,5\nZT10;0\nZT05;1\n",
                 "constants.csv:4: column \"zorgvraagtype\" \"ZT05\": has a constant but no "
                 "coefficients in coefficients.csv"},
        BadTable{"red-rules", "Vraag;Antwoord;Vraag 2;Antwoord 2;Zorgvraagtype\nHV06;4;;;ZT05\n",
                 "red-rules.csv:2: column \"zorgvraagtype\" \"ZT05\": excluded by a red rule but "
                 "has no coefficients"},
        BadTable{"red-rules",
                 "Vraag;Antwoord;Vraag 2;Antwoord 2;Zorgvraagtype\n\n"
                 "HV06;4;HV0;1;ZT01\n",
                 "red-rules.csv:3: column \"question 2\" \"HV0\": not a HoNOS+ question "
                 "(HV01-HV19)"}));

}  // namespace
}  // namespace clusterpilot
