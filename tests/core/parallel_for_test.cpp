// parallel_for: every index once, whatever the number of threads; failures surface in index order.
#include "core/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace mfalint {
namespace {

TEST(ParallelFor, EveryIndexExactlyOnce) {
  for (unsigned jobs : {1u, 2u, 4u, 64u}) {
    std::vector<std::atomic<int>> calls(1000);
    parallel_for(calls.size(), jobs, [&](size_t i) { ++calls[i]; });
    for (size_t i = 0; i < calls.size(); ++i) ASSERT_EQ(calls[i].load(), 1) << "index " << i << ", jobs " << jobs;
  }
  parallel_for(0, 4, [](size_t) { FAIL() << "no work to do"; });
}

TEST(ParallelFor, OneJobRunsInOrderOnThisThread) {
  std::vector<size_t> order;
  auto caller = std::this_thread::get_id();
  parallel_for(5, 1, [&](size_t i) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(i);
  });
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3, 4}));
}

TEST(ParallelFor, SeveralJobsUseSeveralThreads) {
  std::atomic<int> running{0}, most{0};
  parallel_for(8, 4, [&](size_t) {
    int now = ++running;
    for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    --running;
  });
  EXPECT_GT(most.load(), 1);
}

TEST(ParallelFor, TheLowestFailingIndexIsRethrownAfterAllWork) {
  for (unsigned jobs : {1u, 4u}) {
    std::atomic<int> done{0};
    try {
      parallel_for(100, jobs, [&](size_t i) {
        if (i == 70 || i == 30) throw std::runtime_error("index " + std::to_string(i));
        ++done;
      });
      FAIL() << "nothing thrown";
    } catch (const std::runtime_error& error) {
      EXPECT_STREQ(error.what(), "index 30");
    }
    if (jobs > 1) {
      EXPECT_EQ(done.load(), 98);  // the other calls all ran
    }
  }
}

TEST(ParallelFor, DefaultJobsIsAtLeastOne) { EXPECT_GE(default_jobs(), 1u); }

}  // namespace
}  // namespace mfalint
