#include "reports/report_directory.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "reports/report_manifest.h"
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

// What a report writer does: files into the staging folder.
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

// Issue #10: `mkdir d; echo '{}' > d/report.json; echo x > d/thesis.docx`
// once made --out replace d whole. Only a folder whose every file the
// manifest lists, unchanged, is a report.
TEST(ReportDirectoryTest, NeverReplacesSomeoneElsesFolder) {
  ScopedTempDir dir;
  const std::string out = dir.File("d");
  fs::create_directories(out);
  WriteFile(out + "/report.json", "{}");
  WriteFile(out + "/thesis.docx", "precious");
  auto publish = [](const std::string& path) {
    return PublishReportDirectory(path, [](const std::string& s) { return WriteTwoFiles(s, "x"); });
  };
  Status refused = publish(out);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().ToString(),
            out +
                ": holds \"report.json\", which is not part of a report clusterpilot wrote; "
                "nothing was changed; choose a new or empty folder for --out");
  EXPECT_EQ(ReadFile(out + "/thesis.docx"), "precious");
  EXPECT_EQ(Entries(dir.path()), 1);

  Status file = publish(out + "/thesis.docx");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().message, "is a file, not a folder; choose another --out");

  // A report this tool wrote, with a thesis saved into it afterwards.
  const std::string report = dir.File("report");
  ASSERT_TRUE(publish(report).ok());
  WriteFile(report + "/thesis.docx", "precious");
  EXPECT_EQ(publish(report).error().ToString(),
            report +
                ": holds \"thesis.docx\", which is not part of a report clusterpilot wrote; "
                "nothing was changed; choose a new or empty folder for --out");
  fs::remove(report + "/thesis.docx");
  WriteFile(report + "/report.html", "edited by hand");
  EXPECT_EQ(publish(report).error().ToString(),
            report +
                ": holds \"report.html\", changed since clusterpilot wrote it; nothing was "
                "changed; choose a new or empty folder for --out");
  EXPECT_EQ(ReadFile(report + "/report.html"), "edited by hand");
}

TEST(ReportDirectoryTest, TheManifestListsEveryFileInSha256sumFormat) {
  ScopedTempDir dir;
  const std::string out = dir.File("r");
  ASSERT_TRUE(PublishReportDirectory(out, [](const std::string& s) {
                return WriteTwoFiles(s, "abc");
              }).ok());
  // SHA-256 of "abc" (FIPS 180-2's example).
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  EXPECT_EQ(ReadFile(out + "/" + kReportManifestFile),
            abc + "  report.html\n" + abc + "  report.json\n");
  EXPECT_TRUE(VerifyReportManifest(out).ok());
}

TEST(ReportDirectoryTest, FoldersThatDeadRunsLeftAreRemovedAndLiveOnesKept) {
  ScopedTempDir dir;
  const std::string out = dir.File("2026-10");
  // No process has a pid this large (Linux's pid_max is at most 2^22).
  const std::string dead = dir.File(".2026-10.partial-999999999-abcdef");
  const std::string older = dir.File(".2026-10.previous-ghijkl");  // an older version's name
  const std::string live = dir.File(".2026-10.partial-" + std::to_string(getpid()) + "-mnopqr");
  for (const std::string& folder : {dead, older, live}) {
    fs::create_directories(folder);
    WriteFile(folder + "/flagged-patients.csv", "P1");
  }
  WriteFile(dir.File(".other.partial-999999999-abcdef"), "not ours");
  ASSERT_TRUE(PublishReportDirectory(out, [](const std::string& s) {
                return WriteTwoFiles(s, "new");
              }).ok());
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_FALSE(fs::exists(older));
  EXPECT_TRUE(fs::exists(live)) << "a run still going keeps its staging folder";
  EXPECT_TRUE(fs::exists(dir.File(".other.partial-999999999-abcdef")));
}

// Where folders cannot be exchanged, --out is a symlink to a hidden sibling
// and each report swaps the link; the old report's folder goes.
TEST(ReportDirectoryTest, ASymlinkedOutIsReplacedBySwappingTheLink) {
  ScopedTempDir dir;
  const std::string out = dir.File("out");
  const std::string first = dir.File(".out.report-1-aaaaaa");
  ASSERT_TRUE(PublishReportDirectory(dir.File("first"), [](const std::string& s) {
                return WriteTwoFiles(s, "one");
              }).ok());
  fs::rename(dir.File("first"), first);
  fs::create_directory_symlink(".out.report-1-aaaaaa", out);
  ASSERT_TRUE(PublishReportDirectory(out, [](const std::string& s) {
                return WriteTwoFiles(s, "two");
              }).ok());
  EXPECT_TRUE(fs::is_symlink(out));
  EXPECT_EQ(ReadFile(out + "/report.html"), "two");
  EXPECT_TRUE(VerifyReportManifest(out).ok());
  EXPECT_FALSE(fs::exists(first));
  EXPECT_EQ(Entries(dir.path()), 2);  // the link and the folder it points at

  fs::remove(out);
  fs::create_directory_symlink(dir.File("elsewhere"), out);
  Status foreign =
      PublishReportDirectory(out, [](const std::string& s) { return WriteTwoFiles(s, "three"); });
  EXPECT_EQ(foreign.error().ToString(),
            out + ": is a symbolic link clusterpilot did not make; choose another --out");
}

}  // namespace
}  // namespace clusterpilot
