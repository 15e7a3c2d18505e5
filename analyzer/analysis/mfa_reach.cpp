#include "analysis/mfa_reach.h"

#include "analysis/age_cells.h"
#include "catalog/remembered.h"
#include "catalog/text.h"
#include "eval/condition.h"
#include "eval/context.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace mfalint::analysis {
namespace {

using model::ConditionOp;


// The entry's truth when its key is absent from the request, as the evaluator decides it.
bool holds_when_absent(const model::ConditionBlock& block, const model::ConditionEntry& entry) {
  return eval::entry_holds(block, entry, nullptr, eval::Scope{});
}

bool holds_for(const model::ConditionBlock& block, const model::ConditionEntry& entry, std::string value) {
  return eval::entry_holds_for_values(block, entry, {std::move(value)});
}

// The ages at which an entry on aws:MultiFactorAuthAge holds for an MFA session: one evaluation
// per cell its values cut. Past the horizon of an age-by-age scan (a wildcard on the age), the
// answer at the horizon is taken to continue: no session lasts that long.
AgeSet age_entry_ages(const model::ConditionBlock& block, const model::ConditionEntry& entry) {
  AgeCells cells;
  cells.add_entry(block, entry, /*variables=*/false);
  return cells.ages_where([&](int64_t age) { return holds_for(block, entry, std::to_string(age)); }, /*extend=*/true);
}

void note_assumed(Reach& reach, const std::string& key) {
  if (std::find(reach.assumed_keys.begin(), reach.assumed_keys.end(), key) == reach.assumed_keys.end()) {
    reach.assumed_keys.push_back(key);
  }
}

}  // namespace

std::string_view credential_name(Credential credential) {
  switch (credential) {
    case Credential::LongTermKeys: return "long-term access keys";
    case Credential::SessionWithoutMfa: return "a session without MFA";
    case Credential::MfaSession: return "an MFA session";
  }
  return "";
}

std::string_view credentials_without_mfa(bool long_term_keys, bool session_without_mfa) {
  if (long_term_keys && session_without_mfa) return "long-term access keys and sessions without MFA";
  if (long_term_keys) return "long-term access keys";
  if (session_without_mfa) return "sessions without MFA";
  return "";
}

bool is_mfa_age_key(std::string_view key) { return catalog::equals_lower(key, "aws:MultiFactorAuthAge"); }
bool is_mfa_present_key(std::string_view key) { return catalog::equals_lower(key, "aws:MultiFactorAuthPresent"); }

namespace {

// The MFA key that `key` was probably meant to be, if it reads like a misspelling of one.
std::string guess_mfa_key(std::string_view key) {
  if (is_mfa_age_key(key) || is_mfa_present_key(key)) return {};
  std::string folded;
  for (char c : key) {
    char lower = catalog::lower_ascii(c);
    if ((lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9')) folded.push_back(lower);
  }
  // The length difference bounds the distance from below: most keys are decided by it alone.
  auto near = [&](std::string_view target) {
    constexpr size_t kTypos = 3 * catalog::kEditCost;
    return catalog::edit_distance(folded, target, catalog::kEditCost, kTypos) <= kTypos;
  };
  if (near("awsmultifactorauthage")) return "aws:MultiFactorAuthAge";
  if (near("awsmultifactorauthpresent")) return "aws:MultiFactorAuthPresent";
  // Abbreviations: aws:MFAPresent, aws:MfaAge, aws:MultiFactorAge ...
  if (folded.starts_with("aws") && (folded.find("mfa") != std::string::npos || folded.find("multifactor") != std::string::npos)) {
    return folded.find("age") != std::string::npos ? "aws:MultiFactorAuthAge" : "aws:MultiFactorAuthPresent";
  }
  return {};
}

struct MfaKeyGuesses;

}  // namespace

std::string misspelled_mfa_key(std::string_view key) {
  // Asked of every condition key, twice (the reach and MFA007), and policies use a few keys over
  // and over: remembered.
  return catalog::remembered<MfaKeyGuesses>(key, guess_mfa_key);
}

bool Reach::reaches(Credential credential) const {
  switch (credential) {
    case Credential::LongTermKeys: return long_term_keys;
    case Credential::SessionWithoutMfa: return session_without_mfa;
    case Credential::MfaSession: return !mfa_ages.empty();
  }
  return false;
}

Reach condition_reach(const model::Statement& statement, model::Effect effect, const Assumptions& assumptions) {
  Reach reach{true, true, AgeSet::all(), {}};
  for (const auto& block : statement.conditions) {
    for (const auto& entry : block.entries) {
      const std::string& key = entry.key.value;
      if (block.op == ConditionOp::Unknown) {
        // IAM refuses such a policy; if it were deployed, nothing could satisfy the block.
        reach = Reach{false, false, AgeSet::none(), reach.assumed_keys};
        continue;
      }
      if (is_mfa_present_key(key)) {
        reach.long_term_keys = reach.long_term_keys && holds_when_absent(block, entry);
        reach.session_without_mfa = reach.session_without_mfa && holds_for(block, entry, "false");
        if (!holds_for(block, entry, "true")) reach.mfa_ages = AgeSet::none();
      } else if (is_mfa_age_key(key)) {
        bool absent = holds_when_absent(block, entry);
        reach.long_term_keys = reach.long_term_keys && absent;
        reach.session_without_mfa = reach.session_without_mfa && absent;
        reach.mfa_ages = reach.mfa_ages.intersect(age_entry_ages(block, entry));
      } else {
        bool holds = effect == model::Effect::Allow;  // satisfiable for an Allow, escapable for a Deny
        auto fixed = assumptions.fixed.find(catalog::to_lower(key));
        if (fixed != assumptions.fixed.end()) {
          holds = eval::entry_holds_for_values(block, entry, fixed->second);
        } else {
          note_assumed(reach, key);
        }
        if (!holds) {
          reach.long_term_keys = reach.session_without_mfa = false;
          reach.mfa_ages = AgeSet::none();
        }
      }
    }
  }
  return reach;
}

}  // namespace mfalint::analysis
