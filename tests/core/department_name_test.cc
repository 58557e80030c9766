#include "core/department_name.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(DepartmentNameTest, FoldsCaseAccentsAndSurroundingSpaces) {
  EXPECT_EQ(FoldedDepartmentName("Psychosomatiek"), "psychosomatiek");
  EXPECT_EQ(FoldedDepartmentName("  G\xC3\xA9RIATRIE \t"), "geriatrie");
  EXPECT_EQ(FoldedDepartmentName("\xC3\x89\xC3\xA9\xC3\xBC\xC3\x9F\xC3\x86"), "eeussae");
  // Only Latin letters lose their marks; ×, ÷ and other scripts stay.
  EXPECT_EQ(FoldedDepartmentName("A\xC3\x97"
                                 "B\xC3\xB7\xCE\xA9"),
            "a\xC3\x97"
            "b\xC3\xB7\xCE\xA9");
  EXPECT_EQ(FoldedDepartmentName("FACT  Noord"), "fact  noord");
}

TEST(DepartmentNameTest, MatchesTheStoresSpelling) {
  const std::set<std::string> known = {"Psychosomatiek", "Ouderen H\xC3\xA9", "ouderen he"};
  EXPECT_EQ(MatchDepartment("psychosomatiek", known), "Psychosomatiek");
  EXPECT_EQ(MatchDepartment("PSYCHOSOMATIEK ", known), "Psychosomatiek");
  // An exact spelling wins over one that only folds the same.
  EXPECT_EQ(MatchDepartment("ouderen he", known), "ouderen he");
  EXPECT_EQ(MatchDepartment("Ouderen H\xC3\xA9", known), "Ouderen H\xC3\xA9");
  EXPECT_EQ(MatchDepartment("psychosomatic", known), std::nullopt);
  EXPECT_EQ(MatchDepartment("", known), std::nullopt);
}

TEST(DepartmentNameTest, ListsKnownDepartmentsUpToALimit) {
  EXPECT_EQ(DepartmentList({"B", "A", "C"}), "A, B, C");
  EXPECT_EQ(DepartmentList({"B", "A", "C"}, 2), "A, B, ...");
  EXPECT_EQ(DepartmentList({}), "");
}

}  // namespace
}  // namespace clusterpilot
