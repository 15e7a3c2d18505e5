#include "eval/context.h"

#include <algorithm>
#include <string>

namespace mfalint::eval {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

}  // namespace

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

const ContextEntry* Context::find(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (equals_ignore_case(entry.lower, key)) return &entry;
  }
  return nullptr;
}

void Context::add(std::string_view key, std::string value) {
  for (auto& entry : entries_) {
    if (equals_ignore_case(entry.lower, key)) {
      entry.values.push_back(std::move(value));
      entry.multi = true;
      return;
    }
  }
  entries_.push_back(ContextEntry{std::string(key), to_lower(key), {std::move(value)}, false});
}

void Context::set(std::string_view key, std::vector<std::string> values, bool multi) {
  erase(key);
  entries_.push_back(ContextEntry{std::string(key), to_lower(key), std::move(values), multi});
}

void Context::erase(std::string_view key) {
  std::erase_if(entries_, [&](const ContextEntry& entry) { return equals_ignore_case(entry.lower, key); });
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
