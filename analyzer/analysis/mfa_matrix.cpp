#include "analysis/mfa_matrix.h"

#include "analysis/mfa_reach.h"
#include "eval/compare.h"
#include "eval/date.h"
#include "eval/statement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <string_view>
#include <vector>

namespace mfalint::analysis {
namespace {

using model::ConditionOp;

constexpr int64_t kNoAge = -1;
// The evaluator reads numbers as doubles; every int64 age is at most this as a double.
constexpr double kTwoTo63 = 9223372036854775808.0;
// An age's text is an epoch date while it has at most 15 digits (eval/date.cpp); longer, it is none.
constexpr int64_t kFirstAgeNotADate = 1'000'000'000'000'000;

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

// Whether `text` holds a policy variable that reads the age (`${aws:MultiFactorAuthAge}`, with
// or without a default): then something other than the age's own conditions depends on it.
bool reads_age_variable(std::string_view text) {
  constexpr std::string_view kName = "multifactorauthage";
  for (size_t open = text.find("${"); open != std::string_view::npos; open = text.find("${", open + 2)) {
    std::string_view inside = text.substr(open + 2, text.find('}', open + 2) - open - 2);
    for (size_t i = 0; i + kName.size() <= inside.size(); ++i) {
      if (eval::equals_ignore_case(inside.substr(i, kName.size()), kName)) return true;
    }
  }
  return false;
}

// Where the decision may change as the age grows. The evaluator reads an age's text three ways:
// as a number (Numeric*), as an epoch date in seconds (Date*) and as a string (String*,
// BinaryEquals); Bool, IP and ARN operators never accept it and Null asks only whether it is
// there. Each reading is monotonic in the age or an equality, so a policy value `v` can flip a
// condition only at the first age that reads >= v, the first that reads > v, or the age written
// as v and the one after. Every value on the age key is taken in all three readings (a cut too
// many costs one evaluation), so between two consecutive cuts every condition on the age has
// one truth value, and so has the decision.
struct AgeCells {
  std::vector<int64_t> starts;  // ascending, starting at 0; a cell runs to the next start
  bool scan = false;            // a condition has no interval form: every age up to the horizon is a cell

  void cut(int64_t age) {
    if (age >= 0) starts.push_back(age);
  }

  void cut_at(std::string_view value) {
    if (auto number = eval::parse_number(value)) {
      cut(first_at_least(*number));
      cut(first_above(*number));
    }
    if (auto ms = eval::parse_date(value)) {
      cut(-floor_div(-*ms, 1000));  // the first age at or after the date
      cut(floor_div(*ms, 1000) + 1);  // the first age after it
    }
    if (auto age = age_written_as(value)) {
      cut(*age);
      if (*age < std::numeric_limits<int64_t>::max()) cut(*age + 1);
    }
  }

  void add(const model::Policy& policy) {
    bool variables = eval::variables_enabled(policy);
    for (const auto& statement : policy.statements) {
      for (const auto* list : {&statement.resource, &statement.not_resource}) {
        if (!*list) continue;
        for (const auto& item : (*list)->items) scan = scan || (variables && reads_age_variable(item.value));
      }
      for (const auto& block : statement.conditions) {
        bool like = block.op == ConditionOp::StringLike || block.op == ConditionOp::StringNotLike;
        for (const auto& entry : block.entries) {
          bool age_key = is_mfa_age_key(entry.key.value);
          if (age_key) cut(kFirstAgeNotADate);
          for (const auto& value : entry.values) {
            scan = scan || (variables && reads_age_variable(value.text));
            if (!age_key) continue;
            // A wildcard pattern ("6*": 6, 60-69, 600-699, ...) or a variable's value has no
            // interval form.
            bool wildcard = like && value.text.find_first_of("*?") != std::string::npos;
            scan = scan || wildcard || (variables && value.text.find("${") != std::string::npos);
            cut_at(value.text);
          }
        }
      }
    }
  }
};

AgeCells age_cells(const eval::PolicySet& set) {
  AgeCells cells;
  cells.cut(0);
  auto add_all = [&](const eval::PolicyList& list) {
    for (const model::Policy* policy : list) cells.add(*policy);
  };
  add_all(set.identity);
  add_all(set.resource);
  for (const auto& list : set.boundaries) add_all(list);
  for (const auto& list : set.scps) add_all(list);
  if (cells.scan) {
    cells.starts.resize(static_cast<size_t>(kMfaAgeScanHorizon) + 1);
    std::iota(cells.starts.begin(), cells.starts.end(), int64_t{0});
  } else {
    std::sort(cells.starts.begin(), cells.starts.end());
    cells.starts.erase(std::unique(cells.starts.begin(), cells.starts.end()), cells.starts.end());
  }
  return cells;
}

}  // namespace

MfaMatrix mfa_matrix(const eval::PolicySet& policies, const eval::Request& request) {
  eval::Request probe = request;
  eval::Result result;
  auto decide = [&](eval::MfaContext kind, int64_t age) {
    eval::set_mfa_context(probe.context, kind, age);
    eval::evaluate(policies, probe, result);
    return result.decision;
  };

  MfaMatrix matrix;
  matrix.long_term_keys = decide(eval::MfaContext::LongTermKeys, 0);
  matrix.session_without_mfa = decide(eval::MfaContext::SessionWithoutMfa, 0);

  AgeCells cells = age_cells(policies);
  if (cells.scan) matrix.exact_through = kMfaAgeScanHorizon;
  int64_t last = cells.scan ? kMfaAgeScanHorizon : AgeSet::kUnbounded;
  // Allowed cells next to each other form one run; the set is built from runs, not cells.
  int64_t run_from = kNoAge;
  for (size_t i = 0; i < cells.starts.size(); ++i) {
    int64_t from = cells.starts[i];
    int64_t to = i + 1 < cells.starts.size() ? cells.starts[i + 1] - 1 : last;
    bool allowed = decide(eval::MfaContext::MfaSession, from) == eval::Decision::Allowed;
    if (allowed && run_from == kNoAge) run_from = from;
    if (run_from != kNoAge && (!allowed || i + 1 == cells.starts.size())) {
      matrix.allowed_mfa_ages = matrix.allowed_mfa_ages.unite(AgeSet::range(run_from, allowed ? to : from - 1));
      run_from = kNoAge;
    }
  }
  matrix.is_protected = matrix.long_term_keys != eval::Decision::Allowed &&
                        matrix.session_without_mfa != eval::Decision::Allowed && !matrix.allowed_mfa_ages.empty();
  return matrix;
}

}  // namespace mfalint::analysis
