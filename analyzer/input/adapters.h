#pragma once
// Input adapters: each recognises one kind of JSON file from its content and turns it into
// policies. load.cpp asks them in order; the first whose `detect` accepts the document wins.

#include "core/json_tree.h"
#include "input/load.h"
#include "model/policy_builder.h"

#include <span>
#include <string_view>

namespace mfalint::input {

struct JsonAdapter {
  std::string_view name;
  bool (*detect)(const JsonNode& root);
  void (*load)(const JsonNode& root, LoadedFile& file);
};

// Shared by adapters: build a policy from `node`, which is either a policy object or a JSON
// string holding one (as AWS APIs and Terraform return it), and add it to `file`.
void add_policy(const JsonNode& node, model::PolicyOrigin origin, LoadedFile& file);

// Build a policy from JSON text decoded out of the file (a string value, a YAML scalar), whose
// `outer` map sends positions back to the file; a parse error fails the file there.
void add_policy_text(const EmbeddedText& text, model::PolicyOrigin origin, LoadedFile& file);

// Records that the file could not be read as intended: status "error", exit 2, and an IAM001
// finding at `offset`, or at no position when there is none.
void fail(LoadedFile& file, std::string message, std::optional<uint32_t> offset);

// A finding about the file as a whole, not about one of its policies.
Finding file_finding(std::string_view rule, const LoadedFile& file, const Location& loc, std::string message);

// A note (IAM018, severity note) that the policy named `context`, at file offsets [begin, end),
// was not checked because its content is not known from this file alone: a Terraform value known
// only after apply, a CloudFormation import. It does not fail the run; it keeps the gap visible.
void add_unchecked_note(LoadedFile& file, uint32_t begin, uint32_t end, const std::string& context,
                        std::string message);

// The resource a resource policy held by a CloudFormation or Terraform resource type is attached
// to, named as CloudFormation names types ("aws_s3_bucket_policy" -> "AWS::S3::Bucket"); empty
// for a type that holds no resource policy.
std::string_view attached_resource_type(std::string_view type);

// Adapters, one file each.
extern const JsonAdapter kPolicyVersionAdapter;
extern const JsonAdapter kInlinePolicyAdapter;
extern const JsonAdapter kOrganizationPolicyAdapter;  // describe-policy: input/organization_policy.h
extern const JsonAdapter kPolicyDocumentAdapter;
extern const JsonAdapter kCloudFormationAdapter;  // JSON templates; YAML ones: cloudformation.h
extern const JsonAdapter kTerraformPlanAdapter;
extern const JsonAdapter kAccountDumpAdapter;  // a note pointing to `mfalint audit`

}  // namespace mfalint::input
