// Times whole processes for the end-to-end benchmarks: our command and its
// reference run in the same program, one after the other, so the ratio holds
// however fast or busy the machine is.
#ifndef CLUSTERPILOT_BENCH_PROCESS_TIMER_H_
#define CLUSTERPILOT_BENCH_PROCESS_TIMER_H_

#include <string>
#include <vector>

namespace clusterpilot {

struct ProcessTiming {
  double wall_seconds = 0;
  double peak_memory_mb = 0;  // maximum resident set size of the process
  double cpu_seconds = 0;     // user + system time of the process, all its threads
  int exit_code = -1;
};

// Runs `argv` (argv[0] a path or a name on PATH) with stdout and stderr sent
// to /dev/null, waits for it and reports its wall time and peak memory.
ProcessTiming TimeProcess(const std::vector<std::string>& argv);

// The median of `runs` timings of the same command (each also checked for
// exit code 0; a failure is printed and ends the benchmark with exit 1).
// `prepare` runs before each timed run, untimed (e.g. delete the store).
ProcessTiming MedianOfRuns(const std::vector<std::string>& argv, int runs,
                           void (*prepare)(const std::string& arg), const std::string& prepare_arg);

// One row of the comparison table:
// "name | ours s | reference s | ratio | target | peak MB".
void PrintComparisonHeader();
void PrintComparisonRow(const std::string& name, const ProcessTiming& ours,
                        const ProcessTiming& reference, double target_ratio);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_BENCH_PROCESS_TIMER_H_
