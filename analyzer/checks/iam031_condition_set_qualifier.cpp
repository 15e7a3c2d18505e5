#include "catalog/catalog.h"
#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

using model::OperatorFamily;
using model::SetQualifier;

bool multivalued(catalog::KeyType type) { return (static_cast<int>(type) & 1) != 0; }  // the ArrayOf* types

}  // namespace

// IAM031: set qualifiers where the key's kind calls for the other form. A multivalued key
// (ArrayOf*) compared without ForAllValues/ForAnyValue compares the whole set as one value;
// ForAllValues on a single-valued key is true when the key is absent; Null with a qualifier is
// always true (ForAllValues) or always false (ForAnyValue).
void check_condition_set_qualifier(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      auto family = model::operator_family(block.op);
      if (family == OperatorFamily::Unknown) continue;
      if (family == OperatorFamily::Null) {
        if (block.qualifier == SetQualifier::None) continue;
        Finding finding = with_code(
            make_finding("IAM031", policy, st, block.op_text.loc,
                         fmt::format("\"{}\": Null with {} is always {}; use Null without a qualifier",
                                     block.op_text.value,
                                     block.qualifier == SetQualifier::ForAllValues ? "ForAllValues" : "ForAnyValue",
                                     block.qualifier == SetQualifier::ForAllValues ? "true" : "false")),
            "NULL_WITH_QUALIFIER");
        finding.severity = Severity::Note;
        out.push_back(std::move(finding));
        continue;
      }
      if (block.qualifier == SetQualifier::ForAnyValue) continue;
      for (const auto& entry : block.entries) {
        auto type = catalog::condition_key_type(entry.key.value);
        if (!type) continue;  // IAM102's
        if (block.qualifier == SetQualifier::None && multivalued(*type)) {
          out.push_back(with_code(
              make_finding("IAM031", policy, st, entry.key.loc,
                           fmt::format("{} has multiple values ({}), but \"{}\" has no ForAllValues: or "
                                       "ForAnyValue: qualifier, so it is not compared value by value",
                                       entry.key.value, catalog::key_type_name(*type), block.op_text.value)),
              "MISSING_QUALIFIER"));
        } else if (block.qualifier == SetQualifier::ForAllValues && !multivalued(*type)) {
          Finding finding = with_code(
              make_finding("IAM031", policy, st, block.op_text.loc,
                           fmt::format("ForAllValues with the single-valued key {}: the condition is also true "
                                       "when the request has no {} at all; remove ForAllValues:",
                                       entry.key.value, entry.key.value)),
              "FORALLVALUES_WITH_SINGLE_VALUED_KEY");
          const std::string& op = block.op_text.value;
          finding.fix = fmt::format("\"{}\"", op.substr(op.find(':') + 1));
          out.push_back(std::move(finding));
        }
      }
    }
  }
}

}  // namespace mfalint::checks
