#include "reports/report_directory.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

namespace fs = std::filesystem;

int Entries(const std::string& path) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(path)) {
    (void)entry;
    ++count;
  }
  return count;
}

Status WriteTwoFiles(const std::string& staging, const std::string& text) {
  WriteFile(staging + "/" + kReportMarkerFile, text);
  WriteFile(staging + "/report.html", text);
  return Status::Ok();
}

TEST(ReportDirectoryTest, AppearsWholeAndReplacesAnEarlierReport) {
  ScopedTempDir dir;
  const std::string out = dir.File("reports/2026-10");
  ASSERT_TRUE(PublishReportDirectory(out, [](const std::string& s) {
                return WriteTwoFiles(s, "one");
              }).ok());
  EXPECT_EQ(ReadFile(out + "/report.html"), "one");
  ASSERT_TRUE(PublishReportDirectory(out, [](const std::string& s) {
                return WriteTwoFiles(s, "two");
              }).ok());
  EXPECT_EQ(ReadFile(out + "/report.html"), "two");
  EXPECT_EQ(Entries(dir.File("reports")), 1);  // no staging or old folders left behind
}

TEST(ReportDirectoryTest, AFailureLeavesNothingHalfWritten) {
  ScopedTempDir dir;
  const std::string out = dir.File("2026-10");
  Status failed = PublishReportDirectory(out, [](const std::string& staging) -> Status {
    WriteFile(staging + "/report.html", "half");
    return MakeError("disk full");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "disk full");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(Entries(dir.path()), 0);

  ASSERT_TRUE(PublishReportDirectory(out, [](const std::string& s) {
                return WriteTwoFiles(s, "good");
              }).ok());
  ASSERT_FALSE(PublishReportDirectory(out, [](const std::string&) -> Status {
                 return MakeError("no");
               }).ok());
  EXPECT_EQ(ReadFile(out + "/report.html"), "good");  // the earlier report stays
  EXPECT_EQ(Entries(dir.path()), 1);
}

TEST(ReportDirectoryTest, NeverReplacesSomeoneElsesFolder) {
  ScopedTempDir dir;
  WriteFile(dir.File("thesis.docx"), "precious");
  Status refused = PublishReportDirectory(
      dir.path(), [](const std::string& s) { return WriteTwoFiles(s, "x"); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().ToString(), dir.path() +
                                            ": holds other files and is not an earlier report; "
                                            "choose a new or empty folder for --out");
  EXPECT_EQ(ReadFile(dir.File("thesis.docx")), "precious");
  Status file = PublishReportDirectory(dir.File("thesis.docx"),
                                       [](const std::string& s) { return WriteTwoFiles(s, "x"); });
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().message, "is a file, not a folder; choose another --out");
}

}  // namespace
}  // namespace clusterpilot
