#include "input/organization_policy.h"

#include "input/adapters.h"

#include <fmt/core.h>

namespace mfalint::input {
namespace {

const JsonNode* string_member(const JsonNode& node, std::string_view name) {
  const JsonNode* member = node.is_object() ? node.find(name) : nullptr;
  return member && member->is_string() ? member : nullptr;
}

// describe-policy output: {"Policy": {"PolicySummary": {...}, "Content": "..."}}.
const JsonNode* described_policy(const JsonNode& root) {
  const JsonNode* policy = root.is_object() ? root.find("Policy") : nullptr;
  return policy && string_member(*policy, "Content") ? policy : nullptr;
}

bool detect_described_policy(const JsonNode& root) { return described_policy(root) != nullptr; }

void load_described_policy(const JsonNode& root, LoadedFile& file) {
  add_organization_policy(root, model::PolicyKind::ServiceControl, file);
}

}  // namespace

const JsonAdapter kOrganizationPolicyAdapter{"describe-policy", detect_described_policy, load_described_policy};

bool add_organization_policy(const JsonNode& node, model::PolicyKind kind, LoadedFile& file) {
  model::PolicyOrigin origin{file.source, "", kind, model::SizeQuota::None, true};
  const JsonNode* content = &node;
  if (const JsonNode* policy = described_policy(node)) {
    content = policy->find("Content");
    const JsonNode* summary = policy->find("PolicySummary");
    const JsonNode* type = summary ? string_member(*summary, "Type") : nullptr;
    if (type && type->text == "RESOURCE_CONTROL_POLICY") origin.kind = model::PolicyKind::ResourceControl;
    if (type && type->text == "SERVICE_CONTROL_POLICY") origin.kind = model::PolicyKind::ServiceControl;
    if (type && origin.kind != model::PolicyKind::ResourceControl && type->text != "SERVICE_CONTROL_POLICY") {
      add_unchecked_note(file, node.begin, node.end, "",
                         fmt::format("a {} holds no IAM policy: not checked", type->text));
      return true;
    }
    const JsonNode* name = summary ? string_member(*summary, "Name") : nullptr;
    origin.context = fmt::format("{} {}", origin.kind == model::PolicyKind::ResourceControl ? "RCP" : "SCP",
                                 name ? name->text : "(no name)");
  } else if (const JsonNode* bare = string_member(node, "Content")) {
    content = bare;  // {"Content": "...", ...}: a policy object without its summary
  } else if (!node.is_object() || !node.find("Statement")) {
    return false;
  }
  add_policy(*content, origin, file);
  return true;
}

LoadedFile read_organization_policies(std::string path, std::string text, model::PolicyKind kind) {
  LoadedFile file;
  file.path = path;
  file.source = std::make_shared<SourceFile>(std::move(path), std::move(text));
  auto parsed = parse_json(file.source->text());
  if (!parsed.root) {
    fail(file, parsed.error, parsed.error_offset);
    return file;
  }
  std::string_view what = kind == model::PolicyKind::ResourceControl ? "resource control policy" : "service control policy";
  auto none_here = [&](const JsonNode& node) {
    fail(file,
         fmt::format("no {} here: expected a policy document, `aws organizations describe-policy` output, or a "
                     "JSON list of them",
                     what),
         node.begin);
  };
  const JsonNode& root = *parsed.root;
  if (root.is_array()) {
    for (const JsonNode& item : root.items) {
      if (!add_organization_policy(item, kind, file)) {
        none_here(item);
        return file;
      }
    }
    if (root.items.empty()) none_here(root);
  } else if (!add_organization_policy(root, kind, file)) {
    none_here(root);
  }
  if (!file.error && file.policies.empty()) fail(file, fmt::format("holds no {}", what), std::nullopt);
  return file;
}

LoadedFile load_organization_policies(const std::string& path, model::PolicyKind kind, uint64_t max_bytes) {
  FileText read = read_file_text(path, max_bytes);
  if (read.failure) return std::move(*read.failure);
  return read_organization_policies(std::move(read.name), std::move(read.text), kind);
}

}  // namespace mfalint::input
