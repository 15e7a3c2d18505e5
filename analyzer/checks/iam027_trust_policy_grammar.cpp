#include "catalog/text.h"
#include "checks/check.h"
#include "checks/written_wildcard.h"
#include "eval/arn.h"

#include <fmt/core.h>

#include <array>
#include <string_view>

namespace mfalint::checks {
namespace {

constexpr std::string_view kRule = "IAM027";

enum class Provider : uint8_t { Saml, Oidc, Invalid, Unknown };

bool is_domain(std::string_view value) {
  size_t labels = 0;
  bool label_start = true;
  for (char c : value) {
    if (c == '.') {
      if (label_start) return false;
      label_start = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
      if (label_start) ++labels;
      label_start = false;
    } else {
      return false;
    }
  }
  return !label_start && labels >= 2;
}

// What a "Federated" value names: a SAML provider's ARN, an OIDC provider's ARN or a well-known
// provider's domain ("cognito-identity.amazonaws.com", "accounts.google.com"), or neither. A
// deploy-time placeholder ("${AWS::AccountId}") is not judged.
Provider provider_of(std::string_view value) {
  if (value.find("${") != std::string_view::npos) return Provider::Unknown;
  if (catalog::has_wildcard(value)) return Provider::Invalid;
  if (!value.starts_with("arn:")) return is_domain(value) ? Provider::Oidc : Provider::Invalid;
  auto parts = eval::split_arn(value);
  if (!parts || (*parts)[2] != "iam" || (*parts)[4].empty()) return Provider::Invalid;
  std::string_view resource = (*parts)[5];
  constexpr std::string_view kSaml = "saml-provider/", kOidc = "oidc-provider/";
  if (resource.size() > kSaml.size() && resource.starts_with(kSaml)) return Provider::Saml;
  if (resource.size() > kOidc.size() && resource.starts_with(kOidc)) return Provider::Oidc;
  return Provider::Invalid;
}

struct Who {
  bool aws_or_service = false;  // can call sts:AssumeRole
  bool saml = false, oidc = false, federated = false;
  bool unknown = false;  // a provider this check cannot classify
};

Who principals_of(const model::Principal& principal) {
  Who who;
  who.aws_or_service = principal.wildcard;
  for (const auto& entry : principal.entries) {
    if (entry.type.value != "Federated") {
      who.aws_or_service = true;
      continue;
    }
    who.federated = true;
    for (const auto& item : entry.values.items) {
      switch (provider_of(item.value)) {
        case Provider::Saml: who.saml = true; break;
        case Provider::Oidc: who.oidc = true; break;
        case Provider::Invalid:
        case Provider::Unknown: who.unknown = true; break;
      }
    }
  }
  return who;
}

void federated_syntax(const model::Policy& policy, const model::Statement& st, Findings& out) {
  for (const auto& entry : st.principal->entries) {
    if (entry.type.value != "Federated") continue;
    for (const auto& item : entry.values.items) {
      if (provider_of(item.value) != Provider::Invalid) continue;
      if (catalog::has_wildcard(item.value) && !wildcard_written(policy, item.loc)) continue;
      out.push_back(with_code(
          make_finding(kRule, policy, st, item.loc,
                       fmt::format("\"{}\" names no identity provider: use an OIDC provider's domain or ARN "
                                   "(arn:aws:iam::<account>:oidc-provider/<host>) or a SAML provider's ARN "
                                   "(arn:aws:iam::<account>:saml-provider/<name>)",
                                   item.value)),
          "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY"));
    }
  }
}

// Each way into a role takes its own principal: sts:AssumeRole an AWS or service principal,
// sts:AssumeRoleWithSAML a SAML provider, sts:AssumeRoleWithWebIdentity an OIDC provider. A
// pattern ("sts:AssumeRole*") names no one action and is not judged.
void mismatched_actions(const model::Policy& policy, const model::Statement& st, Findings& out) {
  if (st.effect != model::Effect::Allow || !st.action) return;
  Who who = principals_of(*st.principal);
  if (who.unknown) return;
  for (const auto& item : st.action->items) {
    std::string_view action = item.value;
    bool mismatch = false;
    if (catalog::equals_lower(action, "sts:AssumeRole")) {
      mismatch = who.federated && !who.aws_or_service;
    } else if (catalog::equals_lower(action, "sts:AssumeRoleWithSAML")) {
      mismatch = !who.saml;
    } else if (catalog::equals_lower(action, "sts:AssumeRoleWithWebIdentity")) {
      mismatch = !who.oidc;
    } else {
      continue;
    }
    if (!mismatch) continue;
    out.push_back(with_code(
        make_finding(kRule, policy, st, item.loc,
                     fmt::format("no principal of this statement can call {}: sts:AssumeRoleWithSAML is for a "
                                 "federated SAML provider, sts:AssumeRoleWithWebIdentity for a federated OIDC "
                                 "provider, sts:AssumeRole for AWS and service principals",
                                 action)),
        "MISMATCHED_ACTION_FOR_PRINCIPAL"));
  }
}

bool allows(const model::Statement& st, std::string_view action) {
  if (st.action) {
    for (const auto& item : st.action->items) {
      if (catalog::glob_matches(item.value, action, true)) return true;
    }
    return false;
  }
  if (!st.not_action) return false;
  for (const auto& item : st.not_action->items) {
    if (catalog::glob_matches(item.value, action, true)) return false;
  }
  return true;
}

const model::Text* roles_anywhere_principal(const model::Statement& st) {
  if (st.effect != model::Effect::Allow || !st.principal) return nullptr;
  for (const auto& entry : st.principal->entries) {
    if (entry.type.value != "Service") continue;
    for (const auto& item : entry.values.items) {
      if (item.value == "rolesanywhere.amazonaws.com") return &item;
    }
  }
  return nullptr;
}

// IAM Roles Anywhere assumes the role with all three; the policy's statements together must allow
// them, whichever statement does.
void roles_anywhere_actions(const model::Policy& policy, Findings& out) {
  static constexpr std::array<std::string_view, 3> kNeeded = {"sts:AssumeRole", "sts:SetSourceIdentity",
                                                              "sts:TagSession"};
  const model::Statement* first = nullptr;
  const model::Text* where = nullptr;
  std::array<bool, 3> allowed{};
  for (const auto& st : policy.statements) {
    const model::Text* principal = roles_anywhere_principal(st);
    if (!principal) continue;
    if (!first) {
      first = &st;
      where = principal;
    }
    for (size_t i = 0; i < kNeeded.size(); ++i) allowed[i] = allowed[i] || allows(st, kNeeded[i]);
  }
  if (!first) return;
  std::string missing;
  for (size_t i = 0; i < kNeeded.size(); ++i) {
    if (allowed[i]) continue;
    if (!missing.empty()) missing += ", ";
    missing += kNeeded[i];
  }
  if (missing.empty()) return;
  out.push_back(with_code(
      make_finding(kRule, policy, *first, where->loc,
                   fmt::format("rolesanywhere.amazonaws.com needs sts:AssumeRole, sts:SetSourceIdentity and "
                               "sts:TagSession to deliver credentials; the policy does not allow {}",
                               missing)),
      "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY"));
}

// "arn:aws:sts::111122223333:assumed-role/admin/jane" adds nothing when the statement also trusts
// its role, "arn:aws:iam::111122223333:role/admin" (a role's path is not part of the session ARN).
void redundant_sessions(const model::Policy& policy, const model::Statement& st, Findings& out) {
  for (const auto& entry : st.principal->entries) {
    if (entry.type.value != "AWS") continue;
    for (const auto& session : entry.values.items) {
      auto parts = eval::split_arn(session.value);
      if (!parts || (*parts)[2] != "sts" || !(*parts)[5].starts_with("assumed-role/")) continue;
      std::string_view rest = (*parts)[5].substr(13);
      size_t slash = rest.find('/');
      if (slash == std::string_view::npos || slash == 0) continue;
      std::string_view role_name = rest.substr(0, slash);
      for (const auto& role : entry.values.items) {
        auto role_parts = eval::split_arn(role.value);
        if (!role_parts || (*role_parts)[2] != "iam" || (*role_parts)[0] != (*parts)[0] ||
            (*role_parts)[1] != (*parts)[1] || (*role_parts)[4] != (*parts)[4] ||
            !(*role_parts)[5].starts_with("role/") || catalog::has_wildcard(role.value)) {
          continue;
        }
        std::string_view path = (*role_parts)[5];
        if (path.substr(path.rfind('/') + 1) != role_name) continue;
        Finding finding = make_finding(
            kRule, policy, st, session.loc,
            fmt::format("the session \"{}\" is already trusted through its role \"{}\"; remove the session",
                        session.value, role.value));
        finding.severity = Severity::Note;
        out.push_back(with_code(std::move(finding), "REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY"));
        break;
      }
    }
  }
}

}  // namespace

// IAM027: a role trust policy IAM refuses (NotPrincipal, Resource, "Principal": "*", a federated
// principal that names no provider, an action its principals cannot call, Roles Anywhere without
// its three actions), or one that lists a session beside its role.
void check_trust_policy_grammar(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::Trust) return;
  for (const auto& st : policy.statements) {
    if (st.not_principal) {
      out.push_back(with_code(make_finding(kRule, policy, st, st.not_principal->loc,
                                           "a role trust policy takes no \"NotPrincipal\"; name the principals "
                                           "that may assume the role in \"Principal\""),
                              "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL"));
    }
    for (const auto* element : {&st.resource, &st.not_resource}) {
      if (!*element) continue;
      out.push_back(with_code(
          make_finding(kRule, policy, st, (*element)->loc,
                       fmt::format("a role trust policy applies to its role and takes no \"{}\"; remove it",
                                   element == &st.resource ? "Resource" : "NotResource")),
          "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE"));
    }
    if (!st.principal) continue;
    if (st.principal->wildcard) {
      out.push_back(with_code(make_finding(kRule, policy, st, st.principal->loc,
                                           "a role trust policy takes no \"Principal\": \"*\"; name the accounts, "
                                           "roles, services or providers that may assume the role"),
                              "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL"));
    }
    federated_syntax(policy, st, out);
    mismatched_actions(policy, st, out);
    redundant_sessions(policy, st, out);
  }
  roles_anywhere_actions(policy, out);
}

}  // namespace mfalint::checks
