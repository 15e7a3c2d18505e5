#include "analysis/age_cells.h"

#include "analysis/mfa_reach.h"
#include "catalog/text.h"
#include "eval/compare.h"
#include "eval/date.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace mfalint::analysis {
namespace {

using model::ConditionOp;

constexpr int64_t kNoAge = -1;
// The evaluator reads numbers as doubles; every int64 age is at most this as a double.
constexpr double kTwoTo63 = 9223372036854775808.0;
// An age's text is an epoch date below eval::kFirstNumberNotAnEpoch; from there on, it is none.
constexpr int64_t kFirstAgeNotADate = eval::kFirstNumberNotAnEpoch;

// The smallest age t whose text, read as a number, is >= c; kNoAge when there is none. Ages
// above 2^53 read as the nearest double, so several ages read alike: step to the first of them.
int64_t first_at_least(double c) {
  if (c <= 0) return 0;
  if (c > kTwoTo63) return kNoAge;
  int64_t t = c == kTwoTo63 ? std::numeric_limits<int64_t>::max() : static_cast<int64_t>(std::ceil(c));
  while (t > 0 && static_cast<double>(t - 1) >= c) --t;
  return t;
}

// The smallest age t whose text, read as a number, is > c; kNoAge when there is none.
int64_t first_above(double c) {
  if (c < 0) return 0;
  if (c >= kTwoTo63) return kNoAge;
  int64_t t = static_cast<int64_t>(std::floor(c)) + 1;
  while (static_cast<double>(t) <= c) ++t;
  return t;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && a < 0); }

// The age whose decimal text is exactly `text` ("600", not "0600" or "600.0"), if any.
std::optional<int64_t> age_written_as(std::string_view text) {
  if (text.empty() || text.size() > 19 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
  return static_cast<int64_t>(value);
}

}  // namespace

bool reads_age_variable(std::string_view text) {
  constexpr std::string_view kName = "multifactorauthage";
  for (size_t open = text.find("${"); open != std::string_view::npos; open = text.find("${", open + 2)) {
    std::string_view inside = text.substr(open + 2, text.find('}', open + 2) - open - 2);
    for (size_t i = 0; i + kName.size() <= inside.size(); ++i) {
      if (catalog::equals_lower(inside.substr(i, kName.size()), kName)) return true;
    }
  }
  return false;
}

AgeCells::AgeCells() { cut(0); }

void AgeCells::cut(int64_t age) {
  if (age >= 0) cuts_.push_back(age);
}

// A value is cut in all three readings: a cut too many costs one evaluation, never a wrong answer.
void AgeCells::cut_at(std::string_view value) {
  if (auto number = eval::parse_number(value)) {
    cut(first_at_least(*number));
    cut(first_above(*number));
  }
  if (auto ms = eval::parse_date(value)) {
    cut(-floor_div(-*ms, 1000));    // the first age at or after the date
    cut(floor_div(*ms, 1000) + 1);  // the first age after it
  }
  if (auto age = age_written_as(value)) {
    cut(*age);
    if (*age < std::numeric_limits<int64_t>::max()) cut(*age + 1);
  }
}

void AgeCells::add_entry(const model::ConditionBlock& block, const model::ConditionEntry& entry, bool variables) {
  bool like = block.op == ConditionOp::StringLike || block.op == ConditionOp::StringNotLike;
  cut(kFirstAgeNotADate);
  for (const auto& value : entry.values) {
    // A wildcard pattern ("6*": 6, 60-69, 600-699, ...) or a variable's value has no interval form.
    bool wildcard = like && catalog::has_wildcard(value.text);
    scan_ = scan_ || wildcard || (variables && value.text.find("${") != std::string::npos);
    cut_at(value.text);
  }
}

AgeSet AgeCells::ages_where(const std::function<bool(int64_t age)>& holds, bool extend) const {
  std::vector<int64_t> starts;
  if (scan_) {
    starts.resize(static_cast<size_t>(kMfaAgeScanHorizon) + 1);
    for (size_t i = 0; i < starts.size(); ++i) starts[i] = static_cast<int64_t>(i);
  } else {
    starts = cuts_;
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  }
  const int64_t last = scan_ && !extend ? kMfaAgeScanHorizon : AgeSet::kUnbounded;
  // Allowed cells next to each other form one run; the set is built from runs, not cells.
  AgeSet ages;
  int64_t run_from = kNoAge;
  for (size_t i = 0; i < starts.size(); ++i) {
    int64_t from = starts[i];
    int64_t to = i + 1 < starts.size() ? starts[i + 1] - 1 : last;
    bool in = holds(from);
    if (in && run_from == kNoAge) run_from = from;
    if (run_from != kNoAge && (!in || i + 1 == starts.size())) {
      ages = ages.unite(AgeSet::range(run_from, in ? to : from - 1));
      run_from = kNoAge;
    }
  }
  return ages;
}

}  // namespace mfalint::analysis
