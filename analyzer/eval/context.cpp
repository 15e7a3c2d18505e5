#include "eval/context.h"

#include "catalog/text.h"

#include <algorithm>
#include <string>

namespace mfalint::eval {

const ContextEntry* Context::find(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (catalog::equals_lower(entry.lower, key)) return &entry;
  }
  return nullptr;
}

void Context::add(std::string_view key, std::string value) {
  for (auto& entry : entries_) {
    if (catalog::equals_lower(entry.lower, key)) {
      entry.values.push_back(std::move(value));
      entry.multi = true;
      return;
    }
  }
  entries_.push_back(ContextEntry{std::string(key), catalog::to_lower(key), {std::move(value)}, false});
}

void Context::set(std::string_view key, std::vector<std::string> values, bool multi) {
  erase(key);
  entries_.push_back(ContextEntry{std::string(key), catalog::to_lower(key), std::move(values), multi});
}

void Context::erase(std::string_view key) {
  std::erase_if(entries_, [&](const ContextEntry& entry) { return catalog::equals_lower(entry.lower, key); });
}

void set_mfa_context(Context& context, MfaContext kind, long long age) {
  context.erase("aws:MultiFactorAuthPresent");
  context.erase("aws:MultiFactorAuthAge");
  switch (kind) {
    case MfaContext::LongTermKeys: break;
    case MfaContext::SessionWithoutMfa: context.set("aws:MultiFactorAuthPresent", {"false"}, false); break;
    case MfaContext::MfaSession:
      context.set("aws:MultiFactorAuthPresent", {"true"}, false);
      context.set("aws:MultiFactorAuthAge", {std::to_string(age)}, false);
      break;
  }
}

}  // namespace mfalint::eval
