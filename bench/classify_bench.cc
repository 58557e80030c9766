// `clusterpilot classify` end to end on a store of 1,000,000 measurements,
// against the reference of the same run: the sqlite3 shell copying the
// measurement table into a new table (CREATE TABLE ... AS SELECT), which reads
// every row and writes as many. Target: at most 1.5x the reference, with
// every explanation and counterfactual stored (the bench counts them).
//
// usage: classify_bench [MEASUREMENTS] [RUNS] [FOLDER]   (default 1000000 3)
// The store is built once, quickly, by the store's measurement writer from
// the synthetic generator;
// each timed run starts from a fresh copy of it. With FOLDER the store is
// kept there and reused by the next run with the same FOLDER; without, it
// goes to a temporary folder that is removed afterwards.
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include "bench/process_timer.h"
#include "classifier/cluster_scorer.h"
#include "classifier/default_model.h"
#include "generator/synthetic_institution.h"
#include "store/classification_table.h"
#include "store/measurement_writer.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

std::string g_pristine;
std::string g_work;

void Check(const Status& status) {
  if (status.ok()) return;
  std::fprintf(stderr, "classify_bench: %s\n", status.error().ToString().c_str());
  std::exit(1);
}

// A store with `count` synthetic measurements, written in one transaction by
// the store's MeasurementWriter, as an import writes them.
void BuildStore(const std::string& path, int64_t count) {
  auto store = Store::Open(path);
  if (!store.ok()) Check(store.error());
  Store& s = *store.value();
  Check(s.InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(s, {"synthetic", "bench", "sql", "bench"}, count);
    if (!writer.ok()) return writer.error();
    SyntheticOptions options;
    options.patients = static_cast<int>(count);  // more than enough: stops at `count`
    options.seed = 11;
    ImportCounts counts;
    StoredMeasurement stored;
    Status status = Status::Ok();
    GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
      if (counts.read >= count || !status.ok()) return;
      ++counts.read;
      Result<MeasurementWriter::Outcome> written =
          writer.value()->Write(synthetic.measurement, static_cast<int>(counts.read + 1), &stored);
      if (!written.ok()) {
        status = written.error();
      } else if (written.value() == MeasurementWriter::Outcome::kStored) {
        ++counts.stored;
      } else {
        ++counts.skipped;
      }
    });
    if (!status.ok()) return status;
    return writer.value()->Finish(counts);
  }));
}

void CopyPristine(const std::string&) {
  std::filesystem::copy_file(g_pristine, g_work, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::remove(g_work + "-wal");
  std::filesystem::remove(g_work + "-shm");
}

int64_t CountMeasurementsIn(const std::string& path) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) Check(store.error());
  Result<int64_t> count = CountMeasurements(*store.value());
  if (!count.ok()) Check(count.error());
  return count.value();
}

// What the current model (the one classify just used) has classified.
int64_t CountClassifiedIn(const std::string& path) {
  auto store = Store::Open(path, Store::OpenMode::kMustExist);
  if (!store.ok()) Check(store.error());
  Result<ClusterModelRecord> model = CurrentClusterModel(*store.value());
  if (!model.ok()) Check(model.error());
  Result<int64_t> count = CountClassified(*store.value(), model.value().id);
  if (!count.ok()) Check(count.error());
  return count.value();
}

// Classifications whose stored explanation carries a counterfactual (the
// '|' part of the code, core/assignment_explanation.h), asked of the sqlite3
// shell like the reference, so the bench needs no query of its own in store/.
int64_t CountWithCounterfactual(const std::string& path) {
  const std::string command =
      "sqlite3 '" + path +
      "' \"SELECT count(*) FROM classification WHERE instr(explanation, '|')\"";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  long long count = -1;
  if (std::fscanf(pipe, "%lld", &count) != 1) count = -1;
  pclose(pipe);
  return count;
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double LoadAverage() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : -1;
}

// The scoring kernel alone on this thread, over the generator's ratings, for
// about a second: measurements per second of wall time and per second of
// this thread's processor time. On a machine others keep busy the second
// figure is the kernel's own speed; the load average says how busy it was.
void PrintKernelRate() {
  std::vector<Measurement> measurements;
  SyntheticOptions options;
  options.patients = 20000;
  options.seed = 5;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    measurements.push_back(synthetic.measurement);
  });
  const ClusterModel& model = DefaultClusterModel();
  ClusterScores scores;
  int64_t scored = 0;
  const double cpu_start = ThreadCpuSeconds();
  const auto wall_start = std::chrono::steady_clock::now();
  double wall = 0;
  while (wall < 1.0) {
    for (const Measurement& measurement : measurements) {
      ScoreClusters(model, measurement.ratings, measurement.supercluster, &scores);
    }
    scored += static_cast<int64_t>(measurements.size());
    wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  }
  const double cpu = ThreadCpuSeconds() - cpu_start;
  std::printf(
      "scoring kernel, one thread: %.2f M measurements/s of wall time, %.2f M/s of processor "
      "time (load average %.1f on %ld processors)\n",
      static_cast<double>(scored) / wall / 1e6, static_cast<double>(scored) / cpu / 1e6,
      LoadAverage(), sysconf(_SC_NPROCESSORS_ONLN));
}

}  // namespace
}  // namespace clusterpilot

namespace {

int RunBenchmark(int argc, char** argv) {
  using namespace clusterpilot;
  const int64_t count = argc > 1 ? std::atoll(argv[1]) : 1000000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  char temporary[] = "/tmp/classify_bench-XXXXXX";
  const bool keep = argc > 3;
  const std::string folder = keep ? argv[3] : mkdtemp(temporary);
  std::filesystem::create_directories(folder);
  g_pristine = folder + "/pristine.db";
  g_work = folder + "/work.db";
  if (!std::filesystem::exists(g_pristine)) {
    std::printf("building a store of %lld measurements in %s ...\n", static_cast<long long>(count),
                folder.c_str());
    BuildStore(g_pristine, count);
  }
  if (CountMeasurementsIn(g_pristine) != count) {
    std::fprintf(stderr, "classify_bench: %s holds another number of measurements\n",
                 g_pristine.c_str());
    return 1;
  }

  std::printf("load average before the runs: %.1f\n", LoadAverage());
  const ProcessTiming reference =
      MedianOfRuns({"sqlite3", g_work, "CREATE TABLE copy AS SELECT * FROM measurement"}, runs,
                   CopyPristine, "");
  const ProcessTiming ours =
      MedianOfRuns({CLUSTERPILOT_BINARY, "classify", "--db", g_work}, runs, CopyPristine, "");
  const int64_t classified = CountClassifiedIn(g_work);
  std::printf("median of %d runs each; %lld measurements classified in the last run\n", runs,
              static_cast<long long>(classified));
  PrintComparisonHeader();
  PrintComparisonRow("classify vs sqlite3 CREATE TABLE AS", ours, reference, 1.5);
  std::printf("stored with a counterfactual: %lld of %lld classifications\n",
              static_cast<long long>(CountWithCounterfactual(g_work)),
              static_cast<long long>(classified));
  std::printf("classify throughput: %.0f measurements/s\n",
              static_cast<double>(count) / ours.wall_seconds);
  // On a machine other work keeps busy, processor time says more than wall
  // time about what each side costs; classify spreads its over two threads.
  std::printf("processor time (user + system): ours %.2f s, reference %.2f s, ratio %.2f\n",
              ours.cpu_seconds, reference.cpu_seconds, ours.cpu_seconds / reference.cpu_seconds);
  std::printf("load average after the runs: %.1f\n", LoadAverage());
  PrintKernelRate();
  if (!keep) std::filesystem::remove_all(folder);
  return classified == count ? 0 : 1;
}

}  // namespace

// Nothing here throws by design; a file system failure or a misread Result
// ends the run with a message rather than an uncaught exception.
int main(int argc, char** argv) {
  try {
    return RunBenchmark(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "classify_bench: %s\n", e.what());
    return 1;
  }
}
