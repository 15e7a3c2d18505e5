#pragma once
// What the seeded generators of the differential tests share: splitmix64, the same sequence on
// every platform (unlike the standard distributions), and seeds and counts from the environment.

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace mfalint::testing {

inline uint64_t env_or(const char* name, uint64_t fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::strtoull(value, nullptr, 10) : fallback;
}

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1p-53 < p; }
  template <typename T>
  const T& pick(const std::vector<T>& list) { return list[below(list.size())]; }

 private:
  uint64_t state_;
};

}  // namespace mfalint::testing
