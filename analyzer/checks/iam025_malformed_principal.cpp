#include "catalog/text.h"
#include "checks/check.h"
#include "checks/written_wildcard.h"

#include <fmt/core.h>

#include <string_view>

namespace mfalint::checks {
namespace {

constexpr std::string_view kRule = "IAM025";

// A deploy-time placeholder (CloudFormation's Fn::Sub, Terraform's interpolation) stands where the
// real value goes: its form is not judged.
bool has_placeholder(std::string_view text) { return text.find("${") != std::string_view::npos; }

bool is_label_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// The domains service principals live under, by partition: "<service>.amazonaws.com",
// "<service>.amazonaws.com.cn" in China, "<service>.amazon.com" for a few (Alexa), and the
// isolated and sovereign partitions' own.
constexpr std::string_view kServiceDomains[] = {".amazonaws.com", ".amazonaws.com.cn", ".amazon.com",
                                                ".amazonaws.eu",  ".c2s.ic.gov",        ".sc2s.sgov.gov",
                                                ".cloud.adc-e.uk", ".csp.hci.ic.gov"};

// "ec2.amazonaws.com", "logs.eu-west-1.amazonaws.com": lower-case DNS labels under an AWS domain.
bool is_service_principal(std::string_view value) {
  bool label_start = true;
  for (char c : value) {
    if (c == '.') {
      if (label_start) return false;  // an empty label
      label_start = true;
    } else if (is_label_char(c)) {
      label_start = false;
    } else {
      return false;
    }
  }
  if (label_start) return false;
  for (auto domain : kServiceDomains) {
    if (value.size() > domain.size() && value.ends_with(domain)) return true;
  }
  return false;
}

// An IAM unique id: four letters of kind ("AROA" a role, "AIDA" a user), then upper-case letters
// and digits; 21 characters as IAM issues them today.
bool is_unique_id(std::string_view value, std::string_view prefix) {
  if (value.size() < 16 || value.size() > 128 || !value.starts_with(prefix)) return false;
  for (char c : value) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

void check_values(const model::Policy& policy, const model::Statement& st, const model::Principal& principal,
                  Findings& out) {
  for (const auto& entry : principal.entries) {
    const bool aws = entry.type.value == "AWS";
    const bool service = entry.type.value == "Service";
    if (!aws && !service) continue;  // Federated is IAM024's or IAM027's; CanonicalUser ids are opaque
    for (const auto& item : entry.values.items) {
      const std::string_view value = item.value;
      if (has_placeholder(value)) continue;
      if (catalog::has_wildcard(value)) {
        if ((aws && value == "*") || !wildcard_written(policy, item.loc)) continue;
        out.push_back(with_code(
            make_finding(kRule, policy, st, item.loc,
                         fmt::format("\"{}\": IAM takes no wildcard (*, ?) in a \"{}\" principal but the bare \"*\" "
                                     "of AWS; name each principal",
                                     value, entry.type.value)),
            "UNSUPPORTED_WILDCARD_IN_PRINCIPAL"));
        continue;
      }
      if (service) {
        if (is_service_principal(value)) continue;
        Finding finding = make_finding(
            kRule, policy, st, item.loc,
            fmt::format("\"{}\" is not a service principal: use the service's lower-case name, "
                        "\"<service>.amazonaws.com\"",
                        value));
        if (catalog::to_lower(value) != value && is_service_principal(catalog::to_lower(value))) {
          finding.fix = catalog::to_lower(value);
        }
        out.push_back(with_code(std::move(finding), "INVALID_SERVICE_PRINCIPAL_FORMAT"));
        continue;
      }
      const bool role = is_unique_id(value, "AROA");
      if (role || is_unique_id(value, "AIDA")) {
        Finding finding = make_finding(
            kRule, policy, st, item.loc,
            fmt::format("\"{}\" is the unique id of an IAM {}: a {} of the same name made later has another id and "
                        "does not match; use its ARN",
                        value, role ? "role" : "user", role ? "role" : "user"));
        finding.severity = Severity::Warning;
        out.push_back(with_code(std::move(finding), role ? "INVALID_ROLE_REFERENCE" : "INVALID_USER_REFERENCE"));
      }
    }
  }
}

}  // namespace

// IAM025: a principal value IAM refuses or misreads: a wildcard inside an AWS or service principal,
// a service principal not in "<service>.amazonaws.com" form, Principal and NotPrincipal together,
// or an IAM user's or role's unique id instead of its ARN.
void check_malformed_principal(const model::Policy& policy, Findings& out) {
  // Elsewhere the principal element itself is refused (IAM024), whatever it holds.
  if (policy.kind != model::PolicyKind::Resource && policy.kind != model::PolicyKind::Trust) return;
  for (const auto& st : policy.statements) {
    if (st.principal && st.not_principal) {
      out.push_back(with_code(make_finding(kRule, policy, st, st.not_principal->loc,
                                           "statement has both \"Principal\" and \"NotPrincipal\"; use one"),
                              "UNSUPPORTED_ELEMENT_COMBINATION"));
    }
    if (st.principal) check_values(policy, st, *st.principal, out);
    if (st.not_principal) check_values(policy, st, *st.not_principal, out);
  }
}

}  // namespace mfalint::checks
