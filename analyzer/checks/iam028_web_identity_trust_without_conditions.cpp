#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"
#include "checks/written_wildcard.h"

#include <fmt/core.h>

#include <string>
#include <string_view>

namespace mfalint::checks {
namespace {

constexpr std::string_view kRule = "IAM028";
constexpr std::string_view kGitHub = "token.actions.githubusercontent.com";

// The host an OIDC provider's claims are keyed by ("oidc.eks.eu-west-1.amazonaws.com/id/ABC" gives
// "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub"): the provider ARN's name, or the well-known
// provider's domain. Empty for a SAML provider, a placeholder or anything else.
std::string_view oidc_host(std::string_view value) {
  if (value.find("${") != std::string_view::npos || catalog::has_wildcard(value)) return {};
  constexpr std::string_view kOidc = ":oidc-provider/";
  if (value.starts_with("arn:")) {
    size_t at = value.find(kOidc);
    return at == std::string_view::npos ? std::string_view{} : value.substr(at + kOidc.size());
  }
  if (value.find('.') == std::string_view::npos || value.find(':') != std::string_view::npos ||
      value.find('/') != std::string_view::npos) {
    return {};
  }
  return value;
}

// "<host>:<claim>", as the key is written, case-insensitively.
bool is_claim_of(std::string_view key, std::string_view host, std::string_view claim) {
  return key.size() == host.size() + 1 + claim.size() && catalog::starts_with_lower(key, host) &&
         key[host.size()] == ':' && catalog::equals_lower(key.substr(host.size() + 1), claim);
}

bool keys_any_claim_of(const model::Statement& st, std::string_view host) {
  return any_condition_entry(st, [&](const auto&, const model::ConditionEntry& entry) {
    std::string_view key = entry.key.value;
    return key.size() > host.size() && catalog::starts_with_lower(key, host) && key[host.size()] == ':';
  });
}

bool keys_claim(const model::Statement& st, std::string_view host, std::string_view claim) {
  return any_condition_entry(
      st, [&](const auto&, const model::ConditionEntry& entry) { return is_claim_of(entry.key.value, host, claim); });
}

// "repo:octo-org/octo-repo:*": the wildcard is only where the branch or environment goes, after a
// repository named in full. With a `ref` condition beside it, the branch is named there, as AWS
// recommends for subjects without one.
bool wildcard_only_after_repository(std::string_view sub) {
  if (!sub.starts_with("repo:")) return false;
  std::string_view rest = sub.substr(5);
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view repository = rest.substr(0, colon);
  return repository.find('/') != std::string_view::npos && !catalog::has_wildcard(repository);
}

void github_subject_wildcards(const model::Policy& policy, const model::Statement& st, std::string_view host,
                              Findings& out) {
  const bool has_ref = keys_claim(st, host, "ref");
  for (const auto& block : st.conditions) {
    if (block.op != model::ConditionOp::StringLike) continue;  // `*` is a wildcard only under StringLike
    for (const auto& entry : block.entries) {
      if (!is_claim_of(entry.key.value, host, "sub")) continue;
      for (const auto& value : entry.values) {
        if (value.text.find('*') == std::string::npos) continue;
        if (has_ref && wildcard_only_after_repository(value.text)) continue;
        if (!wildcard_written(policy, value.loc)) continue;
        Finding finding = make_finding(
            kRule, policy, st, value.loc,
            fmt::format("\"{}\" lets GitHub workflows of more repositories or branches than intended assume the role; "
                        "name the repository and branch (or the branch in {}:ref)",
                        value.text, host));
        finding.severity = Severity::Warning;
        out.push_back(with_code(std::move(finding), "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED"));
      }
    }
  }
}

// The `aud` claim names the client the token was issued to. AWS reads it as single-valued: a set
// qualifier misreads it. ForAllValues on an audience key the catalog types is IAM031's.
void audience_qualifiers(const model::Policy& policy, const model::Statement& st, std::string_view host,
                         Findings& out) {
  for (const auto& block : st.conditions) {
    if (block.qualifier == model::SetQualifier::None) continue;
    for (const auto& entry : block.entries) {
      if (!is_claim_of(entry.key.value, host, "aud")) continue;
      auto type = catalog::condition_key_type(entry.key.value);
      if (type && (static_cast<int>(*type) & 1) != 0) continue;  // typed multivalued (ArrayOf*): qualifiers fit
      if (block.qualifier == model::SetQualifier::ForAnyValue) {
        out.push_back(with_code(
            make_finding(kRule, policy, st, block.op_text.loc,
                         fmt::format("ForAnyValue on the single-valued audience claim {} can be overly permissive; "
                                     "remove \"ForAnyValue:\"",
                                     entry.key.value)),
            "FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE"));
      } else if (!type) {  // a typed single-valued key under ForAllValues is IAM031's
        Finding finding = make_finding(
            kRule, policy, st, block.op_text.loc,
            fmt::format("the audience claim {} is single-valued: use no set qualifier (\"ForAllValues:\" also "
                        "matches a token without the claim)",
                        entry.key.value));
        finding.severity = Severity::Note;
        out.push_back(with_code(std::move(finding), "CONFIRM_AUDIENCE_CLAIM_TYPE"));
      }
    }
  }
}

}  // namespace

// IAM028: a role trust policy that lets an OIDC provider's tokens assume the role without
// conditions on that provider's claims (any GitHub repository, any EKS service account), with a
// GitHub subject open to any repository or branch, or a set qualifier on the audience claim.
void check_web_identity_trust_without_conditions(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::Trust) return;
  for (const auto& st : policy.statements) {
    if (st.effect != model::Effect::Allow || !st.principal) continue;
    for (const auto& entry : st.principal->entries) {
      if (entry.type.value != "Federated") continue;
      for (const auto& item : entry.values.items) {
        std::string_view host = oidc_host(item.value);
        if (host.empty()) continue;
        if (catalog::starts_with_lower(host, kGitHub)) {
          if (!keys_claim(st, host, "sub")) {
            out.push_back(with_code(
                make_finding(kRule, policy, st, item.loc,
                             fmt::format("any GitHub workflow, in any organization, can assume this role: add a {}:sub "
                                         "condition naming the repository and branch",
                                         host)),
                "MISSING_GITHUB_REPO_CONDITION_KEY"));
          }
          github_subject_wildcards(policy, st, host, out);
        } else if (!keys_any_claim_of(st, host)) {
          out.push_back(with_code(
              make_finding(kRule, policy, st, item.loc,
                           fmt::format("any identity {} issues tokens to can assume this role: add conditions on its "
                                       "claims ({}:aud, {}:sub)",
                                       host, host, host)),
              "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"));
        }
        audience_qualifiers(policy, st, host, out);
      }
    }
  }
}

}  // namespace mfalint::checks
