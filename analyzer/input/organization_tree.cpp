#include "input/organization_tree.h"

#include "input/adapters.h"
#include "input/organization_policy.h"

#include <fmt/core.h>

namespace mfalint::input {
namespace {

class TreeReader {
 public:
  explicit TreeReader(Organization& organization) : org_(organization) {}

  // Adds `node` (of `what`: "root", "ou", "account") and everything under it; false once the file failed.
  bool add(const JsonNode& node, std::string_view what, std::optional<size_t> parent) {
    if (!node.is_object()) return failed(fmt::format("expected an object for the {}, found {}", what, json_kind_name(node.kind)), node);
    const JsonNode* id = node.find("Id");
    if (!id || !id->is_string() || id->text.empty()) return failed(fmt::format("the {} has no \"Id\" string", what), node);
    const JsonNode* name = node.find("Name");
    size_t index = org_.nodes.size();
    OrganizationNode& added = org_.nodes.emplace_back();
    added.name = name && name->is_string() && !name->text.empty() ? fmt::format("{} {} ({})", what, id->text, name->text)
                                                                   : fmt::format("{} {}", what, id->text);
    added.parent = parent;
    if (what == "account" && !org_.accounts.try_emplace(id->text, index).second) {
      return failed(fmt::format("account {} is listed twice", id->text), *id);
    }
    if (!add_policies(node, "ServiceControlPolicies", model::PolicyKind::ServiceControl, index) ||
        !add_policies(node, "ResourceControlPolicies", model::PolicyKind::ResourceControl, index)) {
      return false;
    }
    if (what == "account") return true;
    return add_children(node, "OrganizationalUnits", "ou", index) && add_children(node, "Accounts", "account", index);
  }

  bool failed(std::string message, const JsonNode& at) {
    fail(org_.file, std::move(message), at.begin);
    return false;
  }

 private:
  const JsonNode* list(const JsonNode& node, std::string_view key) {
    const JsonNode* items = node.find(key);
    if (items && !items->is_array()) {
      failed(fmt::format("\"{}\" must be a list, found {}", key, json_kind_name(items->kind)), *items);
    }
    return items;
  }

  bool add_children(const JsonNode& node, std::string_view key, std::string_view what, size_t parent) {
    const JsonNode* items = list(node, key);
    if (org_.file.error) return false;
    for (size_t i = 0; items && i < items->items.size(); ++i) {
      if (!add(items->items[i], what, parent)) return false;
    }
    return true;
  }

  bool add_policies(const JsonNode& node, std::string_view key, model::PolicyKind kind, size_t index) {
    const JsonNode* items = list(node, key);
    if (org_.file.error) return false;
    for (size_t i = 0; items && i < items->items.size(); ++i) {
      const JsonNode& item = items->items[i];
      size_t before = org_.file.policies.size();
      if (!add_organization_policy(item, kind, org_.file)) {
        return failed(fmt::format("no policy here: expected a policy document or `aws organizations describe-policy` "
                                  "output in \"{}\"",
                                  key),
                      item);
      }
      auto& into = kind == model::PolicyKind::ResourceControl ? org_.nodes[index].rcps : org_.nodes[index].scps;
      for (size_t p = before; p < org_.file.policies.size(); ++p) into.push_back(p);
    }
    return true;
  }

  Organization& org_;
};

}  // namespace

Organization read_organization(std::string path, std::string text) {
  Organization org;
  LoadedFile& file = org.file;
  file.path = path;
  file.source = std::make_shared<SourceFile>(std::move(path), std::move(text));
  auto parsed = parse_json(file.source->text());
  if (!parsed.root) {
    fail(file, parsed.error, parsed.error_offset);
    return org;
  }
  TreeReader reader(org);
  const JsonNode& root = *parsed.root;
  const JsonNode* tree = root.is_object() ? root.find("Root") : nullptr;
  if (!tree) {
    reader.failed("not an organization: expected an object with \"Root\" (tools/export-organization writes one)", root);
    return org;
  }
  if (const JsonNode* management = root.find("ManagementAccountId"); management && management->is_string()) {
    org.management_account = management->text;
  }
  if (!reader.add(*tree, "root", std::nullopt)) {
    org.nodes.clear();
    org.accounts.clear();
  }
  return org;
}

Organization load_organization(const std::string& path, uint64_t max_bytes) {
  return read_file_with<Organization>(path, max_bytes, read_organization);
}

std::vector<size_t> path_to_account(const Organization& organization, const std::string& account) {
  auto found = organization.accounts.find(account);
  if (found == organization.accounts.end()) return {};
  std::vector<size_t> path;
  for (std::optional<size_t> at = found->second; at; at = organization.nodes[*at].parent) path.insert(path.begin(), *at);
  return path;
}

}  // namespace mfalint::input
