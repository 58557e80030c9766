#include "bench/process_timer.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace clusterpilot {

ProcessTiming TimeProcess(const std::vector<std::string>& argv) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> args;
    std::vector<std::string> copies = argv;
    for (std::string& arg : copies) args.push_back(arg.data());
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  const auto end = std::chrono::steady_clock::now();
  ProcessTiming timing;
  timing.wall_seconds = std::chrono::duration<double>(end - start).count();
  timing.peak_memory_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  timing.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  timing.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return timing;
}

ProcessTiming MedianOfRuns(const std::vector<std::string>& argv, int runs,
                           void (*prepare)(const std::string& arg),
                           const std::string& prepare_arg) {
  std::vector<ProcessTiming> timings;
  for (int run = 0; run < runs; ++run) {
    if (prepare != nullptr) prepare(prepare_arg);
    timings.push_back(TimeProcess(argv));
    if (timings.back().exit_code != 0) {
      std::fprintf(stderr, "benchmark command failed with exit code %d: %s ...\n",
                   timings.back().exit_code, argv[0].c_str());
      std::exit(1);
    }
  }
  std::sort(timings.begin(), timings.end(), [](const ProcessTiming& a, const ProcessTiming& b) {
    return a.wall_seconds < b.wall_seconds;
  });
  ProcessTiming median = timings[timings.size() / 2];
  for (const ProcessTiming& timing : timings) {
    median.peak_memory_mb = std::max(median.peak_memory_mb, timing.peak_memory_mb);
  }
  return median;
}

void PrintComparisonHeader() {
  std::printf("%-34s %9s %11s %7s %7s %9s\n", "benchmark", "ours s", "reference s", "ratio",
              "target", "peak MB");
}

void PrintComparisonRow(const std::string& name, const ProcessTiming& ours,
                        const ProcessTiming& reference, double target_ratio) {
  const double ratio = ours.wall_seconds / reference.wall_seconds;
  std::printf("%-34s %9.2f %11.2f %7.2f %6.1fx %9.0f  %s\n", name.c_str(), ours.wall_seconds,
              reference.wall_seconds, ratio, target_ratio, ours.peak_memory_mb,
              ratio <= target_ratio ? "ok" : "OVER TARGET");
}

}  // namespace clusterpilot
