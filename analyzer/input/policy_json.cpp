#include "input/adapters.h"

#include "model/policy_finding.h"
#include "input/limits.h"

#include <fmt/core.h>

namespace mfalint::input {
namespace {

bool hex_digit(char c, int& value) {
  if (c >= '0' && c <= '9') value = c - '0';
  else if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
  else if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
  else return false;
  return true;
}

// The IAM API returns policy documents URL-encoded; the CLI decodes them, raw API dumps do not.
EmbeddedText url_decode(const EmbeddedText& in) {
  EmbeddedText out;
  for (size_t i = 0; i < in.text.size(); ++i) {
    int high = 0, low = 0;
    if (in.text[i] == '%' && i + 2 < in.text.size() && hex_digit(in.text[i + 1], high) && hex_digit(in.text[i + 2], low)) {
      out.text.push_back(static_cast<char>(high * 16 + low));
      out.outer.push_back(in.outer[i]);
      i += 2;
    } else {
      out.text.push_back(in.text[i] == '+' ? ' ' : in.text[i]);
      out.outer.push_back(in.outer[i]);
    }
  }
  out.outer.push_back(in.outer.back());
  return out;
}

// get-policy-version: {"PolicyVersion": {"Document": {...}, "VersionId": "v3", ...}}
bool detect_policy_version(const JsonNode& root) {
  const JsonNode* version = root.find("PolicyVersion");
  return version && version->is_object() && version->find("Document");
}
void load_policy_version(const JsonNode& root, LoadedFile& file) {
  model::PolicyOrigin origin{file.source, "PolicyVersion.Document", model::PolicyKind::Identity,
                             model::SizeQuota::Managed, true};
  add_policy(*root.find("PolicyVersion")->find("Document"), origin, file);
}

// get-role-policy, get-user-policy, get-group-policy: {"RoleName": ..., "PolicyName": ..., "PolicyDocument": {...}}
bool detect_inline(const JsonNode& root) { return root.find("PolicyDocument") != nullptr; }
void load_inline(const JsonNode& root, LoadedFile& file) {
  model::PolicyOrigin origin{file.source, "PolicyDocument", model::PolicyKind::Identity, model::SizeQuota::None, false};
  if (root.find("RoleName")) origin.quota = model::SizeQuota::InlineRole;
  if (root.find("UserName")) origin.quota = model::SizeQuota::InlineUser;
  if (root.find("GroupName")) origin.quota = model::SizeQuota::InlineGroup;
  origin.kind_known = origin.quota != model::SizeQuota::None;
  if (const JsonNode* name = root.find("PolicyName"); name && name->is_string()) {
    origin.context = fmt::format("PolicyDocument of {}", name->text);
  }
  add_policy(*root.find("PolicyDocument"), origin, file);
}

// A bare policy document, or anything else: the builder says what does not fit.
bool detect_any(const JsonNode&) { return true; }
void load_bare(const JsonNode& root, LoadedFile& file) {
  if (const JsonNode* policy = root.find("Policy"); policy && policy->is_object() && !root.find("Statement")) {
    file.findings.push_back(file_finding(
        "IAM002", file, file.source->locate(root.begin, root.end),
        "this is `aws iam get-policy` output, which holds no policy document; use `aws iam get-policy-version`"));
    return;
  }
  add_policy(root, model::PolicyOrigin{file.source, "", model::PolicyKind::Identity, model::SizeQuota::None, false},
             file);
}

}  // namespace

const JsonAdapter kPolicyVersionAdapter{"get-policy-version", detect_policy_version, load_policy_version};
const JsonAdapter kInlinePolicyAdapter{"get-*-policy", detect_inline, load_inline};
const JsonAdapter kPolicyDocumentAdapter{"policy", detect_any, load_bare};

Finding file_finding(std::string_view rule, const LoadedFile& file, const Location& loc, std::string message) {
  model::Policy whole_file;
  whole_file.source = file.source;
  Finding finding = model::make_finding(rule, whole_file, loc, std::move(message));
  finding.policy_type = {};
  return finding;
}

void fail(LoadedFile& file, std::string message, std::optional<uint32_t> offset) {
  if (!file.source) file.source = std::make_shared<SourceFile>(file.path, "");
  file.error_loc = offset ? file.source->locate(*offset, *offset) : Location{};
  file.findings.push_back(file_finding("IAM001", file, file.error_loc, message));
  file.error = std::move(message);
}

namespace {

// A policy over a limit fails the file, so the run ends with status 2, and is left out; the
// file's other policies are still analyzed.
void build_within_limits(const JsonNode& root, model::PolicyOrigin origin, LoadedFile& file) {
  if (auto over = exceeded_limit(root)) {
    fail(file, std::move(over->message), over->offset);
    return;
  }
  // --policy-type and --resource-type say what the input does not.
  const PolicyType& given = file.given_type;
  if (!origin.kind_known && given.kind) {
    origin.kind = *given.kind;
    origin.kind_known = true;
  }
  if (origin.resource_type.empty() && origin.kind == model::PolicyKind::Resource) origin.resource_type = given.resource_type;
  if (auto policy = model::build_policy(root, origin, file.findings)) file.policies.push_back(std::move(*policy));
}

}  // namespace

void add_policy(const JsonNode& node, model::PolicyOrigin origin, LoadedFile& file) {
  if (!node.is_string()) {
    build_within_limits(node, origin, file);
    return;
  }
  EmbeddedText embedded = decode_json_string(*file.source, node.begin, node.end);
  if (embedded.text.starts_with("%7B") || embedded.text.starts_with("%7b")) embedded = url_decode(embedded);
  add_policy_text(embedded, std::move(origin), file);
}

void add_policy_text(const EmbeddedText& text, model::PolicyOrigin origin, LoadedFile& file) {
  auto parsed = parse_json(text.text, &text.outer);
  if (!parsed.root) {
    fail(file, fmt::format("policy document inside a string: {}", parsed.error), parsed.error_offset);
    return;
  }
  build_within_limits(*parsed.root, origin, file);
}

}  // namespace mfalint::input
