#include "input/cloudformation.h"

#include "input/adapters.h"
#include "input/cfn_intrinsics.h"

#include <fmt/core.h>

namespace mfalint::input {
namespace {

using model::PolicyKind;
using model::SizeQuota;

// A resource type that holds policies: `document` names its one policy property (empty when
// none); `inline_quota` is set for types with a `Policies` list of {PolicyName, PolicyDocument}.
struct ResourceType {
  std::string_view type;
  std::string_view document;
  PolicyKind kind;
  SizeQuota quota;
  SizeQuota inline_quota;
};

constexpr ResourceType kTypes[] = {
    {"AWS::IAM::ManagedPolicy", "PolicyDocument", PolicyKind::Identity, SizeQuota::Managed, SizeQuota::None},
    {"AWS::IAM::Policy", "PolicyDocument", PolicyKind::Identity, SizeQuota::None, SizeQuota::None},
    {"AWS::IAM::RolePolicy", "PolicyDocument", PolicyKind::Identity, SizeQuota::InlineRole, SizeQuota::None},
    {"AWS::IAM::UserPolicy", "PolicyDocument", PolicyKind::Identity, SizeQuota::InlineUser, SizeQuota::None},
    {"AWS::IAM::GroupPolicy", "PolicyDocument", PolicyKind::Identity, SizeQuota::InlineGroup, SizeQuota::None},
    {"AWS::IAM::Role", "AssumeRolePolicyDocument", PolicyKind::Trust, SizeQuota::TrustPolicy, SizeQuota::InlineRole},
    {"AWS::IAM::User", "", PolicyKind::Identity, SizeQuota::None, SizeQuota::InlineUser},
    {"AWS::IAM::Group", "", PolicyKind::Identity, SizeQuota::None, SizeQuota::InlineGroup},
    {"AWS::S3::BucketPolicy", "PolicyDocument", PolicyKind::Resource, SizeQuota::None, SizeQuota::None},
    {"AWS::SNS::TopicPolicy", "PolicyDocument", PolicyKind::Resource, SizeQuota::None, SizeQuota::None},
    {"AWS::SQS::QueuePolicy", "PolicyDocument", PolicyKind::Resource, SizeQuota::None, SizeQuota::None},
    {"AWS::KMS::Key", "KeyPolicy", PolicyKind::Resource, SizeQuota::None, SizeQuota::None},
};

const JsonNode* member(const JsonNode* node, std::string_view name) {
  if (!node) return nullptr;
  node = cfn::choose(*node);
  if (!node || !node->is_object()) return nullptr;
  const JsonNode* value = node->find(name);
  return value ? cfn::choose(*value) : nullptr;
}

// AWS::IAM::Policy puts an inline policy on each listed principal: the smallest quota among
// them applies (user 2048, group 5120, role 10240 characters).
SizeQuota inline_policy_quota(const JsonNode* properties) {
  auto lists = [&](std::string_view name) {
    const JsonNode* list = member(properties, name);
    return list && !(list->is_array() && list->items.empty());
  };
  if (lists("Users")) return SizeQuota::InlineUser;
  if (lists("Groups")) return SizeQuota::InlineGroup;
  if (lists("Roles")) return SizeQuota::InlineRole;
  return SizeQuota::None;
}

// The start of a computed document, for a message.
std::string preview(const std::string& text) {
  constexpr size_t kLength = 60;
  if (text.size() <= kLength) return text;
  size_t cut = kLength;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return text.substr(0, cut) + "...";
}

void add_document(const JsonNode& raw, model::PolicyOrigin origin, LoadedFile& file, StringText string_text) {
  const JsonNode* doc = cfn::choose(raw);
  if (!doc) return;
  if (doc->is_string()) {  // CloudFormation accepts a policy as a JSON string too
    add_policy_text(string_text(*file.source, *doc), std::move(origin), file);
    return;
  }
  auto resolved = cfn::resolve(*doc);
  if (!resolved) return;
  if (resolved->is_string()) {
    // Text that Fn::Sub or Fn::Join built has no place in the file but the intrinsic's. When it is
    // no JSON, a placeholder stands where deploy-time values go (or the whole document is an
    // import): CloudFormation may well accept it, so it is a gap to show, not a broken file.
    std::vector<uint32_t> at_intrinsic(resolved->text.size() + 1, doc->begin);
    auto parsed = parse_json(resolved->text, &at_intrinsic);
    if (!parsed.root || !parsed.root->is_object()) {
      add_unchecked_note(file, doc->begin, doc->end, origin.context,
                         fmt::format("the policy {} is computed by {} and does not read as a JSON policy before "
                                     "deployment (\"{}\"): it was not checked",
                                     origin.context, doc->keys[0].name, preview(resolved->text)));
      return;
    }
    add_policy(*parsed.root, std::move(origin), file);
    return;
  }
  add_policy(*resolved, std::move(origin), file);
}

void load_resource(const std::string& logical_id, const JsonNode& resource, LoadedFile& file,
                   StringText string_text) {
  const JsonNode* type = member(&resource, "Type");
  if (!type || !type->is_string()) return;
  const ResourceType* known = nullptr;
  for (const auto& candidate : kTypes) {
    if (candidate.type == type->text) known = &candidate;
  }
  if (!known) return;
  const JsonNode* properties = member(&resource, "Properties");
  if (!known->document.empty()) {
    if (const JsonNode* doc = member(properties, known->document)) {
      SizeQuota quota = known->type == "AWS::IAM::Policy" ? inline_policy_quota(properties) : known->quota;
      add_document(*doc,
                   model::PolicyOrigin{file.source, fmt::format("{}.{}", logical_id, known->document), known->kind,
                                       quota, true},
                   file, string_text);
    }
  }
  if (known->inline_quota == SizeQuota::None) return;
  const JsonNode* policies = member(properties, "Policies");
  if (!policies || !policies->is_array()) return;
  for (size_t i = 0; i < policies->items.size(); ++i) {
    if (const JsonNode* doc = member(&policies->items[i], "PolicyDocument")) {
      add_document(*doc,
                   model::PolicyOrigin{file.source, fmt::format("{}.Policies[{}]", logical_id, i),
                                       PolicyKind::Identity, known->inline_quota, true},
                   file, string_text);
    }
  }
}

EmbeddedText json_string_text(const SourceFile& file, const JsonNode& node) {
  return decode_json_string(file, node.begin, node.end);
}

bool detect_json_template(const JsonNode& root) { return is_cloudformation(root); }
void load_json_template(const JsonNode& root, LoadedFile& file) { load_cloudformation(root, file, json_string_text); }

}  // namespace

const JsonAdapter kCloudFormationAdapter{"cloudformation", detect_json_template, load_json_template};

bool is_cloudformation(const JsonNode& root) {
  if (!root.is_object()) return false;
  if (root.find("AWSTemplateFormatVersion")) return true;
  const JsonNode* resources = root.find("Resources");
  if (!resources || !resources->is_object()) return false;
  for (const auto& resource : resources->items) {
    const JsonNode* type = resource.is_object() ? resource.find("Type") : nullptr;
    if (type && type->is_string() && type->text.find("::") != std::string::npos) return true;
  }
  return false;
}

void load_cloudformation(const JsonNode& root, LoadedFile& file, StringText string_text) {
  const JsonNode* resources = member(&root, "Resources");
  if (!resources || !resources->is_object()) return;
  for (size_t i = 0; i < resources->keys.size(); ++i) {
    load_resource(resources->keys[i].name, resources->items[i], file, string_text);
  }
}

}  // namespace mfalint::input
