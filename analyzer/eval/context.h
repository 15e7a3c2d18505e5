#pragma once
// The request being evaluated: action, resource, principal and the request context, whose keys
// are case-insensitive ("aws:CurrentTime" is "AWS:currenttime") and may carry several values.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::eval {

struct ContextEntry {
  std::string key;    // as given
  std::string lower;  // lower-cased, what lookups compare
  std::vector<std::string> values;
  // A multivalued key (aws:TagKeys) needs a set operator, even when it holds one value or none.
  bool multi = false;
};

class Context {
 public:
  // Adds `value` to `key`; a key added more than once becomes multivalued.
  void add(std::string_view key, std::string value);
  // Sets `key` to exactly `values`, multivalued or not.
  void set(std::string_view key, std::vector<std::string> values, bool multi);
  void erase(std::string_view key);

  const ContextEntry* find(std::string_view key) const;  // any case; null when absent
  const std::vector<ContextEntry>& entries() const { return entries_; }

 private:
  std::vector<ContextEntry> entries_;
};

// The three kinds of credentials, as AWS sets the MFA keys (see docs/evaluation.md).
enum class MfaContext : uint8_t { LongTermKeys, SessionWithoutMfa, MfaSession };
// Removes both MFA keys, then sets them as `kind` implies; `age` is used for MfaSession only.
void set_mfa_context(Context& context, MfaContext kind, long long age = 0);

struct Request {
  std::string action;    // "s3:GetObject"
  std::string resource;  // an ARN, or "*"
  // The caller's ARN ("arn:aws:iam::123456789012:user/alice", an assumed-role session ARN) or a
  // service principal ("s3.amazonaws.com"). Empty: a caller in the resource's account.
  std::string principal;
  Context context;
};

}  // namespace mfalint::eval
