#pragma once
// Rule documents from rules/*.md, compiled into the binary. Each starts with a front matter block:
//   ---
//   id: MFA001
//   name: sensitive-action-without-mfa
//   title: Sensitive action allowed without MFA
//   severity: error
//   aws_issue_codes: PASS_ROLE_WITH_STAR_IN_RESOURCE PASS_ROLE_WITH_NOT_RESOURCE   (optional)
//   ---
// followed by Markdown with the sections "What it does", "Why is this bad?", "Example", "Use instead".

#include "core/finding.h"

#include <string>
#include <string_view>
#include <vector>

namespace mfalint::rules {

struct EmbeddedDoc {
  std::string_view id;
  std::string_view text;
};
const std::vector<EmbeddedDoc>& embedded_docs();  // generated at build time

struct RuleDoc {
  std::string id;
  std::string name;
  std::string title;
  Severity severity = Severity::Error;
  // The IAM Access Analyzer checks the rule covers (core/aws_issue_codes.h). With one, every
  // finding of the rule carries it; with several, each finding site names its own.
  std::vector<std::string> aws_issue_codes;
  std::string body;  // the Markdown after the front matter
  std::string section(std::string_view heading) const;  // text under "## heading", trimmed
};

const std::vector<RuleDoc>& all_rules();  // sorted by id
const RuleDoc* find_rule(std::string_view id);
// The default severity of a rule; a rule without a document is a programming error (throws).
Severity default_severity(std::string_view id);

}  // namespace mfalint::rules
