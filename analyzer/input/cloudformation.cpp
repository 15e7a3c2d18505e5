#include "input/cloudformation.h"

#include "input/adapters.h"
#include "input/cfn_intrinsics.h"

#include <fmt/core.h>

#include <algorithm>
#include <set>
#include <tuple>

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

// Fn::If: each combination of the conditions a resource uses is a way it can deploy, and each
// is judged. Past this many conditions in one resource, the others take their first branch.
constexpr size_t kMaxBranchConditions = 4;

// One way a resource deploys: how its conditions turn out, and the documents already read in
// another way, as they resolved (a document the conditions do not touch is judged once).
struct Deployment {
  cfn::Outcomes outcomes;
  std::string named;  // "IsProduction: false", or empty when the resource uses no condition
  std::set<std::string>* read = nullptr;
};

const JsonNode* member(const JsonNode* node, std::string_view name, const cfn::Outcomes& outcomes) {
  if (!node) return nullptr;
  node = cfn::choose(*node, outcomes);
  if (!node || !node->is_object()) return nullptr;
  const JsonNode* value = node->find(name);
  return value ? cfn::choose(*value, outcomes) : nullptr;
}

// A resolved document as text, with each value's place in the file: equal only when the same
// values stand in the same places.
void fingerprint(const JsonNode& node, std::string& out) {
  out += fmt::format("{}@{}:{}[", static_cast<int>(node.kind), node.begin, node.text);
  for (size_t i = 0; i < node.items.size(); ++i) {
    if (i < node.keys.size()) out += node.keys[i].name + "=";
    fingerprint(node.items[i], out);
    out += ',';
  }
  out += ']';
}

// False when this document, resolved the same, was read in another deployment of its resource.
bool first_reading(const Deployment& deployment, const std::string& context, const JsonNode& resolved) {
  if (!deployment.read) return true;
  std::string key = context + '\n';
  fingerprint(resolved, key);
  return deployment.read->insert(std::move(key)).second;
}

// AWS::IAM::Policy puts an inline policy on each listed principal: the smallest quota among
// them applies (user 2048, group 5120, role 10240 characters).
SizeQuota inline_policy_quota(const JsonNode* properties, const cfn::Outcomes& outcomes) {
  auto lists = [&](std::string_view name) {
    const JsonNode* list = member(properties, name, outcomes);
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

void name_branch(const Deployment& deployment, model::PolicyOrigin& origin) {
  if (deployment.named.empty()) return;
  origin.context += fmt::format(" ({})", deployment.named);
  origin.branch = deployment.named;
}

void add_document(const JsonNode& raw, model::PolicyOrigin origin, LoadedFile& file, StringText string_text,
                  const Deployment& deployment) {
  const JsonNode* doc = cfn::choose(raw, deployment.outcomes);
  if (!doc) return;
  if (doc->is_string()) {  // CloudFormation accepts a policy as a JSON string too
    if (!first_reading(deployment, origin.context, *doc)) return;
    name_branch(deployment, origin);
    add_policy_text(string_text(*file.source, *doc), std::move(origin), file);
    return;
  }
  auto resolved = cfn::resolve(*doc, deployment.outcomes);
  if (!resolved || !first_reading(deployment, origin.context, *resolved)) return;
  name_branch(deployment, origin);
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

void load_deployment(const std::string& logical_id, const JsonNode& resource, LoadedFile& file,
                     StringText string_text, const Deployment& deployment) {
  const cfn::Outcomes& outcomes = deployment.outcomes;
  const JsonNode* type = member(&resource, "Type", outcomes);
  if (!type || !type->is_string()) return;
  const ResourceType* known = nullptr;
  for (const auto& candidate : kTypes) {
    if (candidate.type == type->text) known = &candidate;
  }
  if (!known) return;
  const JsonNode* properties = member(&resource, "Properties", outcomes);
  if (!known->document.empty()) {
    if (const JsonNode* doc = member(properties, known->document, outcomes)) {
      SizeQuota quota =
          known->type == "AWS::IAM::Policy" ? inline_policy_quota(properties, outcomes) : known->quota;
      model::PolicyOrigin origin{file.source, fmt::format("{}.{}", logical_id, known->document), known->kind, quota,
                                 true};
      origin.resource_type = attached_resource_type(known->type);
      add_document(*doc, std::move(origin), file, string_text, deployment);
    }
  }
  if (known->inline_quota == SizeQuota::None) return;
  const JsonNode* policies = member(properties, "Policies", outcomes);
  if (!policies || !policies->is_array()) return;
  for (size_t i = 0; i < policies->items.size(); ++i) {
    if (const JsonNode* doc = member(&policies->items[i], "PolicyDocument", outcomes)) {
      add_document(*doc,
                   model::PolicyOrigin{file.source, fmt::format("{}.Policies[{}]", logical_id, i),
                                       PolicyKind::Identity, known->inline_quota, true},
                   file, string_text, deployment);
    }
  }
}

// Every way the resource can deploy (see kMaxBranchConditions). A finding of the grammar that
// several of them share is reported once, under the first.
void load_resource(const std::string& logical_id, const JsonNode& resource, LoadedFile& file,
                   StringText string_text) {
  std::vector<std::string> conditions = cfn::condition_names(resource);
  if (conditions.empty()) {
    load_deployment(logical_id, resource, file, string_text, Deployment{});
    return;
  }
  if (conditions.size() > kMaxBranchConditions) conditions.resize(kMaxBranchConditions);
  std::set<std::string> read;
  size_t first_new = file.findings.size();
  for (uint32_t falses = 0; falses < (1u << conditions.size()); ++falses) {
    Deployment deployment;
    deployment.read = &read;
    for (size_t i = 0; i < conditions.size(); ++i) {
      bool holds = !((falses >> i) & 1u);
      deployment.outcomes[conditions[i]] = holds;
      deployment.named += fmt::format("{}{}: {}", i ? ", " : "", conditions[i], holds ? "true" : "false");
    }
    load_deployment(logical_id, resource, file, string_text, deployment);
  }
  std::set<std::tuple<std::string, uint32_t, std::string>> seen;
  auto repeated = std::remove_if(file.findings.begin() + static_cast<std::ptrdiff_t>(first_new), file.findings.end(),
                                 [&](const Finding& finding) {
                                   return !seen.emplace(finding.rule, finding.loc.offset, finding.message).second;
                                 });
  file.findings.erase(repeated, file.findings.end());
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
  // Templates people write often leave the version out, and a stack's first commit may hold
  // only Parameters or no resources yet. A policy has no such members (its own is `Resource`);
  // one that has them beside a Statement is a policy with a mistake, and read as one.
  const JsonNode* parameters = root.find("Parameters");
  if (!root.find("Statement") &&
      ((resources && resources->is_object()) || (parameters && parameters->is_object()))) {
    return true;
  }
  if (!resources || !resources->is_object()) return false;
  for (const auto& resource : resources->items) {
    const JsonNode* type = resource.is_object() ? resource.find("Type") : nullptr;
    if (type && type->is_string() && type->text.find("::") != std::string::npos) return true;
  }
  return false;
}

void load_cloudformation(const JsonNode& root, LoadedFile& file, StringText string_text) {
  const JsonNode* resources = member(&root, "Resources", {});
  if (!resources || !resources->is_object()) return;
  for (size_t i = 0; i < resources->keys.size(); ++i) {
    load_resource(resources->keys[i].name, resources->items[i], file, string_text);
  }
}

}  // namespace mfalint::input
