#include "analysis/age_set.h"

#include <fmt/core.h>

#include <algorithm>

namespace mfalint::analysis {

AgeSet AgeSet::range(int64_t from, int64_t to) {
  AgeSet set;
  from = std::max<int64_t>(from, 0);
  if (from <= to) set.intervals_.push_back({from, to});
  return set;
}

bool AgeSet::contains(int64_t t) const {
  return std::any_of(intervals_.begin(), intervals_.end(), [t](const Interval& i) { return i.from <= t && t <= i.to; });
}

AgeSet AgeSet::unite(const AgeSet& other) const {
  std::vector<Interval> all_intervals = intervals_;
  all_intervals.insert(all_intervals.end(), other.intervals_.begin(), other.intervals_.end());
  std::sort(all_intervals.begin(), all_intervals.end(), [](const Interval& a, const Interval& b) { return a.from < b.from; });
  AgeSet result;
  for (const auto& interval : all_intervals) {
    // Adjacent integer intervals ([0,5] and [6,9]) merge into one.
    if (!result.intervals_.empty() &&
        (result.intervals_.back().to == kUnbounded || interval.from <= result.intervals_.back().to + 1)) {
      result.intervals_.back().to = std::max(result.intervals_.back().to, interval.to);
    } else {
      result.intervals_.push_back(interval);
    }
  }
  return result;
}

AgeSet AgeSet::intersect(const AgeSet& other) const {
  AgeSet result;
  for (const auto& a : intervals_) {
    for (const auto& b : other.intervals_) {
      int64_t from = std::max(a.from, b.from);
      int64_t to = std::min(a.to, b.to);
      if (from <= to) result.intervals_.push_back({from, to});
    }
  }
  return result.unite(AgeSet());
}

AgeSet AgeSet::complement() const {
  AgeSet result;
  int64_t next = 0;
  for (const auto& interval : intervals_) {
    if (interval.from > next) result.intervals_.push_back({next, interval.from - 1});
    if (interval.to == kUnbounded) return result;
    next = interval.to + 1;
  }
  result.intervals_.push_back({next, kUnbounded});
  return result;
}

std::string AgeSet::to_json() const {
  std::string out = "[";
  for (size_t i = 0; i < intervals_.size(); ++i) {
    if (i) out += ", ";
    out += intervals_[i].to == kUnbounded ? fmt::format("[{}, null]", intervals_[i].from)
                                          : fmt::format("[{}, {}]", intervals_[i].from, intervals_[i].to);
  }
  return out + "]";
}

std::string AgeSet::describe() const {
  if (empty()) return "never";
  if (is_all()) return "any age";
  std::string out;
  for (size_t i = 0; i < intervals_.size(); ++i) {
    if (i) out += ", ";
    const auto& interval = intervals_[i];
    if (interval.to == kUnbounded) {
      out += fmt::format("{} s or older", interval.from);
    } else if (interval.from == 0) {
      out += fmt::format("up to {} s", interval.to);
    } else {
      out += fmt::format("{}-{} s", interval.from, interval.to);
    }
  }
  return out;
}

}  // namespace mfalint::analysis
