#pragma once
// A set of MFA ages in whole seconds, t >= 0, as a sorted union of disjoint closed intervals.
// The MFA analysis computes, exactly, the ages at which an MFA session is allowed an action.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace mfalint::analysis {

class AgeSet {
 public:
  static constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max();

  struct Interval {
    int64_t from;
    int64_t to;  // inclusive; kUnbounded for "no upper bound"
    bool operator==(const Interval&) const = default;
  };

  static AgeSet none() { return AgeSet(); }
  static AgeSet all() { return range(0, kUnbounded); }
  static AgeSet range(int64_t from, int64_t to);  // empty when from > to; clipped to t >= 0
  static AgeSet of(bool everything) { return everything ? all() : none(); }

  bool empty() const { return intervals_.empty(); }
  bool is_all() const { return *this == all(); }
  bool contains(int64_t t) const;
  const std::vector<Interval>& intervals() const { return intervals_; }

  AgeSet unite(const AgeSet& other) const;
  AgeSet intersect(const AgeSet& other) const;
  AgeSet complement() const;
  AgeSet minus(const AgeSet& other) const { return intersect(other.complement()); }

  // "[[0, 599]]", "[[0, null]]", "[]": the JSON form the matrix prints.
  std::string to_json() const;
  // "0-599 s", "any age", "never": for people.
  std::string describe() const;

  bool operator==(const AgeSet&) const = default;

 private:
  std::vector<Interval> intervals_;
};

}  // namespace mfalint::analysis
