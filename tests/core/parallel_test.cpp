// Tests for include/recon/parallel.h.
#include "recon/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

namespace recon {
namespace {

TEST_CASE("WorkerCount: the threads asked for, no more than the items, at least one") {
  CHECK(WorkerCount(3, 100) == 3);
  CHECK(WorkerCount(8, 2) == 2);
  CHECK(WorkerCount(4, 0) == 1);
  CHECK(WorkerCount(0, 1000) == std::min<size_t>(1000, std::max(1u, std::thread::hardware_concurrency())));
}

TEST_CASE("RunWorkers: each worker once, worker 0 on the calling thread, all done on return") {
  std::mutex m;
  std::multiset<unsigned> seen;
  std::thread::id first;
  std::atomic<size_t> next{0}, done{0};
  RunWorkers(4, [&](unsigned w) {
    {
      std::lock_guard<std::mutex> lock(m);
      seen.insert(w);
      if (w == 0) first = std::this_thread::get_id();
    }
    for (size_t i; (i = next.fetch_add(1)) < 1000;) done.fetch_add(1);
  });
  CHECK(seen == std::multiset<unsigned>{0, 1, 2, 3});
  CHECK(first == std::this_thread::get_id());
  CHECK(done == 1000);
}

}  // namespace
}  // namespace recon
