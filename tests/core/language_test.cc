#include "core/language.h"

#include <gtest/gtest.h>

#include <set>

#include "core/care_cluster.h"

namespace clusterpilot {
namespace {

TEST(LanguageTest, ParsesTheTwoSettings) {
  EXPECT_EQ(ParseLanguage("nl"), Language::kDutch);
  EXPECT_EQ(ParseLanguage("NL"), Language::kDutch);
  EXPECT_EQ(ParseLanguage("en"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage("dutch"), std::nullopt);
  EXPECT_EQ(ParseLanguage(""), std::nullopt);
  EXPECT_EQ(kDefaultLanguage, Language::kDutch);
  EXPECT_EQ(LanguageCode(Language::kDutch), "nl");
  EXPECT_EQ(LanguageCode(Language::kEnglish), "en");
}

TEST(LanguageTest, PhrasesFillTheirPlaceholders) {
  EXPECT_EQ(Phrase(Language::kDutch, "chart.patients", {Value("{count}", "1.234")}),
            "1.234 patiënten");
  EXPECT_EQ(Phrase(Language::kEnglish, "chart.patients", {Value("{count}", "1.234")}),
            "1.234 patients");
  EXPECT_EQ(Phrase(Language::kDutch, "html.hidden_percent_legend", {Value("{k}", "5")}),
            "n<5: een percentage van minder dan 5 patiënten, verborgen.");
}

TEST(LanguageTest, TranslatesOnlyTheEnglishItWasWrittenFor) {
  EXPECT_EQ(Translate(Language::kDutch, "column.patients", "Patients"), "Patiënten");
  EXPECT_EQ(Translate(Language::kEnglish, "column.patients", "Patients"), "Patients");
  // Someone reworded the English: the stale Dutch is not used.
  EXPECT_EQ(Translate(Language::kDutch, "column.patients", "Patients seen"), "Patients seen");
  EXPECT_FALSE(HasDutch("column.patients", "Patients seen"));
  EXPECT_FALSE(HasDutch("column.no_such_column", "Patients"));
  const std::vector<PhraseValue> month = {{"{month}", "September 2026", "september 2026"}};
  EXPECT_EQ(Translate(Language::kDutch, "cluster_shift.title",
                      "Distribution shift since September 2026", month),
            "Verschuiving in de verdeling sinds september 2026");
  EXPECT_EQ(Translate(Language::kDutch, "cluster_shift.title",
                      "Distribution shift since August 2026", month),
            "Distribution shift since August 2026");
}

TEST(LanguageTest, NamesMonthsInBothLanguages) {
  EXPECT_EQ(MonthName(Language::kDutch, CalendarMonth{2026, 10}), "oktober 2026");
  EXPECT_EQ(MonthName(Language::kDutch, CalendarMonth{2027, 3}), "maart 2027");
  EXPECT_EQ(MonthName(Language::kEnglish, CalendarMonth{2026, 10}), "October 2026");
}

TEST(LanguageTest, EveryCareClusterHasADistinctNameInBothLanguages) {
  for (Language language : {Language::kDutch, Language::kEnglish}) {
    std::set<std::string> names;
    for (int cluster = 1; cluster <= kHighestCareCluster; ++cluster) {
      const std::string name = ClusterName(language, cluster);
      EXPECT_EQ(name.empty(), !IsCareCluster(cluster)) << cluster;
      if (!name.empty()) {
        EXPECT_TRUE(names.insert(name).second) << name;
      }
    }
    EXPECT_EQ(names.size(), 20u);
  }
  EXPECT_EQ(ClusterName(Language::kDutch, 14), "psychotische crisis");
  EXPECT_EQ(ClusterName(Language::kEnglish, 14), "psychotic crisis");
  EXPECT_EQ(ClusterName(Language::kDutch, 9), "");
}

TEST(LanguageDeathTest, AnUnknownPhraseKeyStopsWithItsName) {
  EXPECT_DEATH(Phrase(Language::kDutch, "html.no_such_phrase"),
               "text catalogue: no phrase \"html.no_such_phrase\"");
}

}  // namespace
}  // namespace clusterpilot
