// Running a stage's work on several threads.
#ifndef RECON_PARALLEL_H_
#define RECON_PARALLEL_H_

#include <algorithm>
#include <cstddef>
#include <functional>
#include <system_error>
#include <thread>
#include <vector>

namespace recon {

// The threads a stage uses: `threads` (0: every core), no more than its `items` of work, and at
// least one.
inline unsigned WorkerCount(int threads, size_t items) {
  const unsigned want = threads > 0 ? unsigned(threads) : std::max(1u, std::thread::hardware_concurrency());
  return unsigned(std::max<size_t>(1, std::min<size_t>(want, items)));
}

// Runs work(w) for each worker w in [0, workers) at once, worker 0 on the calling thread and
// each other on a thread of its own, and returns when all have returned. Workers must take their
// items from a shared counter: a thread the system will not give is done without, and those
// started take its share.
inline void RunWorkers(unsigned workers, const std::function<void(unsigned worker)>& work) {
  std::vector<std::thread> pool;
  try {
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work, w);
  } catch (const std::system_error&) {
    // No more threads to be had: the ones started and this one do all the work.
  }
  work(0);
  for (auto& t : pool) t.join();
}

}  // namespace recon

#endif  // RECON_PARALLEL_H_
