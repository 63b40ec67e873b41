// What the benchmarks measure of their own process: peak memory and CPU time. Header-only,
// shared by the bench/*_bench.cpp programs.
#ifndef RECON_BENCH_BENCH_UTIL_H_
#define RECON_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
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

// Runs `run` in a child process and copies its result (trivially copyable) back through a pipe,
// so that the run's peak memory is its own. False when the child failed.
template <typename Row, typename Fn>
bool InChild(Fn run, Row* out) {
  int fd[2];
  if (pipe(fd) != 0) return false;
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    Row row = run();
    ssize_t w = write(fd[1], &row, sizeof row);
    _exit(w == ssize_t(sizeof row) ? 0 : 1);
  }
  close(fd[1]);
  ssize_t got = read(fd[0], out, sizeof *out);
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return got == ssize_t(sizeof *out) && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace recon::bench

#endif  // RECON_BENCH_BENCH_UTIL_H_
