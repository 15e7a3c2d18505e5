// Terraform's JSON plan (`terraform show -json PLAN`) and state (`terraform show -json`). A
// policy there is a JSON string inside the JSON; add_policy maps its positions through the string
// so findings point into the plan file, and each names the resource address.
#include "input/adapters.h"

#include <fmt/core.h>

#include <map>
#include <set>

namespace mfalint::input {
namespace {

using model::PolicyKind;
using model::SizeQuota;

struct TerraformType {
  std::string_view type;
  std::string_view mode;       // "managed" (a resource) or "data" (a data source)
  std::string_view attribute;  // the attribute holding the policy JSON
  PolicyKind kind;
  SizeQuota quota;
  bool kind_known;
  // The provider requires the attribute, so its absence means "known only after apply". An
  // optional one (a KMS key's policy) is absent whenever AWS picks the default.
  bool required;
};

constexpr TerraformType kTypes[] = {
    {"aws_iam_policy", "managed", "policy", PolicyKind::Identity, SizeQuota::Managed, true, true},
    {"aws_iam_role_policy", "managed", "policy", PolicyKind::Identity, SizeQuota::InlineRole, true, true},
    {"aws_iam_user_policy", "managed", "policy", PolicyKind::Identity, SizeQuota::InlineUser, true, true},
    {"aws_iam_group_policy", "managed", "policy", PolicyKind::Identity, SizeQuota::InlineGroup, true, true},
    {"aws_iam_role", "managed", "assume_role_policy", PolicyKind::Trust, SizeQuota::TrustPolicy, true, true},
    {"aws_s3_bucket_policy", "managed", "policy", PolicyKind::Resource, SizeQuota::None, true, true},
    {"aws_sns_topic_policy", "managed", "policy", PolicyKind::Resource, SizeQuota::None, true, true},
    {"aws_sqs_queue_policy", "managed", "policy", PolicyKind::Resource, SizeQuota::None, true, true},
    {"aws_kms_key", "managed", "policy", PolicyKind::Resource, SizeQuota::None, true, false},
    // A policy document data source can feed any kind of policy: the builder guesses from it.
    {"aws_iam_policy_document", "data", "json", PolicyKind::Identity, SizeQuota::None, false, false},
};

const JsonNode* field(const JsonNode* node, std::string_view name) {
  return node && node->is_object() ? node->find(name) : nullptr;
}

std::string_view text_of(const JsonNode* node) { return node && node->is_string() ? node->text : std::string_view(); }

// A policy found in the plan, or one Terraform will only know after apply (`value` null).
struct Found {
  const JsonNode* value = nullptr;
  model::PolicyOrigin origin;
  bool data = false;
  const JsonNode::Key* unknown_at = nullptr;  // its `true` in after_unknown, for the note
};

class PlanReader {
 public:
  PlanReader(const JsonNode& root, LoadedFile& file) : file_(file) {
    const JsonNode* changes = field(&root, "resource_changes");
    if (changes && changes->is_array()) {
      for (const auto& change : changes->items) {
        auto address = text_of(field(&change, "address"));
        const JsonNode* unknown = field(field(&change, "change"), "after_unknown");
        if (!address.empty() && unknown) after_unknown_.emplace(address, unknown);
      }
    }
  }

  // Resources of a module (`root_module` or a child), then its child modules.
  void module(const JsonNode* node, bool data_only) {
    const JsonNode* resources = field(node, "resources");
    if (resources && resources->is_array()) {
      for (const auto& resource : resources->items) this->resource(resource, data_only);
    }
    const JsonNode* children = field(node, "child_modules");
    if (children && children->is_array()) {
      for (const auto& child : children->items) module(&child, data_only);
    }
  }

  void finish() {
    // A data source's document is usually also the policy of the resource it feeds: check it once,
    // where it is deployed, and on its own only when nothing in the plan uses it verbatim.
    std::set<std::string_view> deployed;
    for (const auto& found : found_) {
      if (!found.data && found.value) deployed.insert(found.value->text);
    }
    for (auto& found : found_) {
      if (found.value && !(found.data && deployed.count(found.value->text))) {
        add_policy(*found.value, std::move(found.origin), file_);
      } else if (found.unknown_at) {
        add_unchecked_note(file_, found.unknown_at->begin, found.unknown_at->end, found.origin.context,
                           fmt::format("the policy of {} is known only after apply (it is computed from values the "
                                       "plan does not know yet): it was not checked",
                                       found.origin.context));
      }
    }
  }

 private:
  void resource(const JsonNode& node, bool data_only) {
    auto address = text_of(field(&node, "address"));
    auto mode = text_of(field(&node, "mode"));
    auto type_name = text_of(field(&node, "type"));
    const JsonNode* values = field(&node, "values");
    if (address.empty() || (data_only && mode != "data") || !seen_.insert(std::string(address)).second) return;
    for (const auto& type : kTypes) {
      if (type.type != type_name || type.mode != mode) continue;
      model::PolicyOrigin origin{file_.source, std::string(address), type.kind, type.quota, type.kind_known};
      origin.resource_type = attached_resource_type(type.type);
      add(field(values, type.attribute), std::move(origin), type.mode == "data",
          type.required ? unknown(address, {type.attribute, std::nullopt}) : nullptr);
    }
    if (type_name == "aws_iam_role" && mode == "managed") inline_policies(address, field(values, "inline_policy"));
  }

  // aws_iam_role's `inline_policy` blocks: [{"name": ..., "policy": "..."}]
  void inline_policies(std::string_view address, const JsonNode* blocks) {
    if (!blocks || !blocks->is_array()) return;
    for (size_t i = 0; i < blocks->items.size(); ++i) {
      model::PolicyOrigin origin{file_.source, fmt::format("{}.inline_policy[{}]", address, i), PolicyKind::Identity,
                                 SizeQuota::InlineRole, true};
      add(field(&blocks->items[i], "policy"), std::move(origin), false, unknown(address, {"inline_policy", i}));
    }
  }

  void add(const JsonNode* value, model::PolicyOrigin origin, bool data, const JsonNode::Key* unknown_at) {
    if (value && value->is_string()) {
      found_.push_back({value, std::move(origin), data, nullptr});
    } else if (unknown_at) {
      found_.push_back({nullptr, std::move(origin), data, unknown_at});
    }
  }

  // The key under `after_unknown` that marks this attribute unknown at plan time: `attribute`,
  // or `inline_policy[index].policy`.
  struct Path {
    std::string_view attribute;
    std::optional<size_t> index;
  };
  const JsonNode::Key* unknown(std::string_view address, Path path) const {
    auto it = after_unknown_.find(address);
    if (it == after_unknown_.end()) return nullptr;
    const JsonNode* node = it->second;
    std::string_view leaf = path.attribute;
    if (path.index) {
      const JsonNode* blocks = field(node, path.attribute);
      if (!blocks || !blocks->is_array() || *path.index >= blocks->items.size()) return nullptr;
      node = &blocks->items[*path.index];
      leaf = "policy";
    }
    if (!node->is_object()) return nullptr;
    for (size_t i = 0; i < node->keys.size(); ++i) {
      if (node->keys[i].name == leaf && node->items[i].kind == JsonNode::Kind::True) return &node->keys[i];
    }
    return nullptr;
  }

  LoadedFile& file_;
  std::map<std::string_view, const JsonNode*, std::less<>> after_unknown_;
  std::set<std::string> seen_;  // addresses already read: planned values win over prior state
  std::vector<Found> found_;
};

// {"format_version": ..., "planned_values": ..., "resource_changes": ..., "prior_state": ...}, or
// the state form {"format_version": ..., "values": {"root_module": ...}}.
bool detect_plan(const JsonNode& root) {
  const JsonNode* version = field(&root, "format_version");
  if (!version || !version->is_string()) return false;
  for (auto key : {"planned_values", "resource_changes", "prior_state", "configuration"}) {
    if (root.find(key)) return true;
  }
  return field(field(&root, "values"), "root_module") != nullptr;
}

void load_plan(const JsonNode& root, LoadedFile& file) {
  PlanReader reader(root, file);
  reader.module(field(field(&root, "planned_values"), "root_module"), false);
  reader.module(field(field(&root, "values"), "root_module"), false);
  // Data sources read while planning are in the prior state, not in the planned values.
  reader.module(field(field(field(&root, "prior_state"), "values"), "root_module"), true);
  reader.finish();
}

}  // namespace

const JsonAdapter kTerraformPlanAdapter{"terraform-plan", detect_plan, load_plan};

}  // namespace mfalint::input
