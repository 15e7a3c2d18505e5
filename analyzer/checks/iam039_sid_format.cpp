#include "checks/check.h"

#include <fmt/core.h>

#include <string>

namespace mfalint::checks {
namespace {

bool alphanumeric(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// IAM and AWS Organizations take only [A-Za-z0-9] in a Sid. Services with resource policies set
// their own rules (S3, KMS, SNS, SQS and ECR accept spaces: KMS's default key policy has
// "Enable IAM User Permissions"), so a resource policy's Sid is not judged.
bool alphanumeric_only(model::PolicyKind kind) { return kind != model::PolicyKind::Resource; }

}  // namespace

// IAM039: a Sid that is empty (EMPTY_SID_VALUE, a suggestion) or holds characters IAM refuses
// (UNSUPPORTED_SID).
void check_sid_format(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (!st.sid) continue;
    const std::string& sid = st.sid->value;
    if (sid.empty()) {
      Finding finding = with_code(make_finding("IAM039", policy, st, st.sid->loc,
                                               "\"Sid\" is empty: give the statement a name or remove the Sid"),
                                  "EMPTY_SID_VALUE");
      finding.severity = Severity::Note;
      out.push_back(std::move(finding));
      continue;
    }
    if (!alphanumeric_only(policy.kind)) continue;
    bool clean = true;
    for (char c : sid) clean = clean && alphanumeric(c);
    if (clean) continue;
    std::string fix;
    for (char c : sid) {
      if (alphanumeric(c)) fix += c;
    }
    Finding finding = with_code(
        make_finding("IAM039", policy, st, st.sid->loc,
                     fmt::format("Sid \"{}\" has characters other than A-Z, a-z and 0-9, the only ones IAM and "
                                 "Organizations accept in a Sid",
                                 sid)),
        "UNSUPPORTED_SID");
    if (!fix.empty()) finding.fix = fmt::format("\"Sid\": \"{}\"", fix);
    out.push_back(std::move(finding));
  }
}

}  // namespace mfalint::checks
