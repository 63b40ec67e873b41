// What the benchmarks measure of their own process: peak memory and CPU time. Header-only,
// shared by the bench/*_bench.cpp programs.
#ifndef RECON_BENCH_BENCH_UTIL_H_
#define RECON_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace recon::bench {

// Peak resident set size so far (VmHWM), in kB; -1 when /proc does not say.
inline long PeakKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

// User and system CPU seconds of every thread of this process.
inline double CpuSeconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

}  // namespace recon::bench

#endif  // RECON_BENCH_BENCH_UTIL_H_
