#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {

// IAM033: one operator block naming the same key twice, spelled with different capitalization.
// Key names are case-insensitive, so both entries test one key and IAM keeps only one of them:
// which values apply is not what the policy shows. (Exact duplicates are the JSON parser's.)
void check_condition_keys_differing_in_case(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      const auto& entries = block.entries;
      for (size_t i = 1; i < entries.size(); ++i) {
        const std::string& key = entries[i].key.value;
        for (size_t j = 0; j < i; ++j) {
          const std::string& earlier = entries[j].key.value;
          if (earlier == key || !catalog::equals_lower(earlier, key)) continue;
          out.push_back(make_finding(
              "IAM033", policy, st, entries[i].key.loc,
              fmt::format("condition key \"{}\" appears again in this {} block as \"{}\" (line {}): key names are "
                          "not case-sensitive, so the two entries are one key; merge their values",
                          key, block.op_text.value, earlier, entries[j].key.loc.line)));
          break;
        }
      }
    }
  }
}

}  // namespace mfalint::checks
