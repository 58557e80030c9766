// The same jobs on PostgreSQL and on SQLite, in one run on one file of
// 1,000,000 generated measurements (4,000,000 with --4m):
//   import into PostgreSQL  vs  psql "\copy t FROM FILE" into a plain table (target <= 1.5x)
//   import, classify and the last month's report on PostgreSQL beside the
//   same commands on an SQLite store.
// Needs a server: CLUSTERPILOT_TEST_POSTGRES_URL=postgresql://USER@HOST:PORT
// (`bash scripts/postgres-test-server.sh run DIR build/bench/postgresql_bench`
// starts a throwaway one). Each run gets a fresh database.
//
// Usage: postgresql_bench [--4m] [RUNS] (default 3 runs of each import; the
// median counts).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench/process_timer.h"
#include "generator/csv_export_writer.h"
#include "generator/synthetic_institution.h"

namespace clusterpilot {
namespace {

constexpr double kTargetRatio = 1.5;
constexpr const char* kReportMonth = "2026-10";

bool WriteExport(const std::string& path, int64_t measurements) {
  auto writer = CsvExportWriter::Create(path, CsvExportStyle{';', true});
  if (!writer.ok()) return false;
  SyntheticOptions options;
  options.patients = measurements * 4 / 5;  // about 1.5 measurements each: enough
  options.months = 12;
  options.seed = 2026;
  options.last_month = CalendarMonth(2026, 10);
  int64_t written = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    if (written == measurements) return;
    writer.value()->Write(synthetic.measurement);
    ++written;
  });
  return writer.value()->Finish().ok() && written == measurements;
}

// The file's header as the columns of a plain table of text.
std::string PlainTableSql(const std::string& csv) {
  std::ifstream file(csv);
  std::string header;
  std::getline(file, header);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  if (header.starts_with("\xEF\xBB\xBF")) header.erase(0, 3);
  std::string columns;
  int index = 0;
  for (size_t start = 0; start <= header.size(); ++index) {
    size_t end = header.find(';', start);
    if (end == std::string::npos) end = header.size();
    columns += (columns.empty() ? "c" : ", c") + std::to_string(index) + " text";
    start = end + 1;
  }
  return "CREATE TABLE t (" + columns + ")";
}

std::string g_server;  // postgresql://USER@HOST:PORT
int g_database = 0;

std::string Database(const std::string& name) { return g_server + "/" + name; }

// A fresh database for the next run; its URL in *url.
void FreshDatabase(const std::string& prefix, std::string* url) {
  const std::string name = prefix + std::to_string(++g_database);
  ProcessTiming made =
      TimeProcess({"psql", "-q", Database("postgres"), "-c", "CREATE DATABASE " + name});
  if (made.exit_code != 0) {
    std::fprintf(stderr, "cannot create database %s\n", name.c_str());
    std::exit(1);
  }
  *url = Database(name);
}

void RemoveStore(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db + suffix);
}

ProcessTiming Once(const std::vector<std::string>& argv) {
  ProcessTiming timing = TimeProcess(argv);
  if (timing.exit_code != 0) {
    std::fprintf(stderr, "failed (exit %d): %s %s\n", timing.exit_code, argv[0].c_str(),
                 argv[1].c_str());
    std::exit(1);
  }
  return timing;
}

ProcessTiming Median(std::vector<ProcessTiming> timings) {
  std::sort(timings.begin(), timings.end(), [](const ProcessTiming& a, const ProcessTiming& b) {
    return a.wall_seconds < b.wall_seconds;
  });
  return timings[timings.size() / 2];
}

void Row(const std::string& job, const ProcessTiming& postgresql, const ProcessTiming& sqlite) {
  std::printf("%-28s | %8.2f s %6.0f MB | %8.2f s %6.0f MB | %5.2fx\n", job.c_str(),
              postgresql.wall_seconds, postgresql.peak_memory_mb, sqlite.wall_seconds,
              sqlite.peak_memory_mb, postgresql.wall_seconds / sqlite.wall_seconds);
}

}  // namespace
}  // namespace clusterpilot

int main(int argc, char** argv) {
  using namespace clusterpilot;
  const bool four_million = argc > 1 && std::string(argv[1]) == "--4m";
  const int runs = argc > 1 + four_million ? std::atoi(argv[1 + four_million]) : 3;
  const char* server = std::getenv("CLUSTERPILOT_TEST_POSTGRES_URL");
  if (server == nullptr) {
    std::fprintf(stderr,
                 "set CLUSTERPILOT_TEST_POSTGRES_URL, or run through "
                 "scripts/postgres-test-server.sh run DIR %s\n",
                 argv[0]);
    return 2;
  }
  g_server = server;
  const int64_t measurements = four_million ? 4000000 : 1000000;
  std::string dir = (std::filesystem::temp_directory_path() / "clusterpilot-pg-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return 1;
  const std::string csv = dir + "/export.csv";
  const std::string db = dir + "/bench.db";
  const std::string tariffs = std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/demo_tariffs.csv";
  std::printf("writing %lld generated measurements in %s ...\n",
              static_cast<long long>(measurements), dir.c_str());
  if (!WriteExport(csv, measurements)) return 1;

  const std::string binary = CLUSTERPILOT_BINARY;
  std::printf("median of %d runs per import; classify and report once each\n\n", runs);
  // Each run into a fresh database, made untimed before it.
  std::vector<ProcessTiming> imports;
  std::string postgresql_store;  // the last import's, for classify and report
  for (int run = 0; run < runs; ++run) {
    FreshDatabase("import", &postgresql_store);
    imports.push_back(Once({binary, "import", "--db", postgresql_store, csv}));
  }
  std::vector<ProcessTiming> copies;
  const std::string plain_table_sql = PlainTableSql(csv);
  for (int run = 0; run < runs; ++run) {
    std::string url;
    FreshDatabase("copy", &url);
    Once({"psql", "-q", url, "-c", plain_table_sql});
    copies.push_back(
        Once({"psql", "-q", url, "-c",
              "\\copy t FROM '" + csv +
                  "' WITH (FORMAT csv, HEADER true, DELIMITER ';', ENCODING 'UTF8')"}));
  }
  const ProcessTiming ours = Median(imports);
  const ProcessTiming copy = Median(copies);
  const ProcessTiming sqlite_import =
      MedianOfRuns({binary, "import", "--db", db, csv}, runs, RemoveStore, db);
  std::printf("%-28s | %20s | %20s | ratio\n", "job", "PostgreSQL", "SQLite");
  Row("import (1 file)", ours, sqlite_import);
  Row("classify", Once({binary, "classify", "--db", postgresql_store}),
      Once({binary, "classify", "--db", db}));
  Row("report " + std::string(kReportMonth),
      Once({binary, "report", "--db", postgresql_store, "--month", kReportMonth, "--tariffs",
            tariffs, "--out", dir + "/report-pg"}),
      Once({binary, "report", "--db", db, "--month", kReportMonth, "--tariffs", tariffs, "--out",
            dir + "/report-sqlite"}));
  std::printf(
      "\nimport into PostgreSQL %.2f s vs psql \\copy into a plain table %.2f s: %.2fx "
      "(target <= %.1fx)\n",
      ours.wall_seconds, copy.wall_seconds, ours.wall_seconds / copy.wall_seconds, kTargetRatio);
  RemoveStore(db);
  std::filesystem::remove_all(dir);
  return ours.wall_seconds <= kTargetRatio * copy.wall_seconds ? 0 : 1;
}
