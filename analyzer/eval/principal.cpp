#include "eval/principal.h"

#include "catalog/text.h"
#include "eval/arn.h"
#include "eval/context.h"

#include <algorithm>

namespace mfalint::eval {
namespace {

bool is_account_id(std::string_view text) {
  return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "arn:aws:sts::123456789012:assumed-role/Name/session" names role "Name" of that account.
bool session_of_role(std::string_view role_arn, std::string_view caller) {
  auto role = split_arn(role_arn);
  auto session = split_arn(caller);
  if (!role || !session || (*role)[2] != "iam" || (*session)[2] != "sts") return false;
  if ((*role)[1] != (*session)[1] || (*role)[4] != (*session)[4]) return false;
  std::string_view role_path = (*role)[5];
  std::string_view session_path = (*session)[5];
  if (!role_path.starts_with("role/") || !session_path.starts_with("assumed-role/")) return false;
  std::string_view role_name = role_path.substr(role_path.rfind('/') + 1);
  session_path.remove_prefix(13);
  std::string_view session_role = session_path.substr(0, session_path.find('/'));
  return session_path.find('/') != std::string_view::npos && catalog::equals_lower(role_name, session_role);
}

// "arn:aws:sts::123456789012:federated-user/bob" is a session of "arn:aws:iam::123456789012:user/bob".
bool session_of_user(std::string_view user_arn, std::string_view caller) {
  auto user = split_arn(user_arn);
  auto session = split_arn(caller);
  if (!user || !session || (*user)[2] != "iam" || (*session)[2] != "sts") return false;
  if ((*user)[1] != (*session)[1] || (*user)[4] != (*session)[4]) return false;
  std::string_view user_path = (*user)[5];
  std::string_view session_path = (*session)[5];
  if (!user_path.starts_with("user/") || !session_path.starts_with("federated-user/")) return false;
  return user_path.substr(user_path.rfind('/') + 1) == session_path.substr(15);
}

PrincipalMatch aws_value_matches(std::string_view value, std::string_view caller) {
  if (value == "*") return PrincipalMatch::Direct;
  if (!caller.empty() && value == caller) return PrincipalMatch::Direct;
  std::string_view account = arn_account(caller);
  if (account.empty()) return PrincipalMatch::None;
  if (is_account_id(value)) return value == account ? PrincipalMatch::Account : PrincipalMatch::None;
  auto parts = split_arn(value);
  if (parts && (*parts)[2] == "iam" && (*parts)[5] == "root") {
    return (*parts)[4] == account ? PrincipalMatch::Account : PrincipalMatch::None;
  }
  if (session_of_role(value, caller) || session_of_user(value, caller)) return PrincipalMatch::Session;
  return PrincipalMatch::None;
}

}  // namespace

PrincipalMatch principal_matches(const model::Principal& element, std::string_view caller) {
  if (element.wildcard) return PrincipalMatch::Direct;
  PrincipalMatch best = PrincipalMatch::None;
  for (const auto& entry : element.entries) {
    bool aws = entry.type.value == "AWS";
    for (const auto& value : entry.values.items) {
      PrincipalMatch match = aws ? aws_value_matches(value.value, caller)
                                 : (!caller.empty() && value.value == caller ? PrincipalMatch::Direct
                                                                             : PrincipalMatch::None);
      best = std::max(best, match);
    }
  }
  return best;
}

PrincipalMatch statement_principal(const model::Statement& statement, std::string_view caller) {
  if (statement.principal) return principal_matches(*statement.principal, caller);
  if (statement.not_principal) {
    return principal_matches(*statement.not_principal, caller) == PrincipalMatch::None ? PrincipalMatch::Direct
                                                                                       : PrincipalMatch::None;
  }
  return PrincipalMatch::None;
}

}  // namespace mfalint::eval
