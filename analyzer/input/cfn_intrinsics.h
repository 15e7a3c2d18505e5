#pragma once
// CloudFormation intrinsic functions, evaluated as far as a template alone allows. What depends
// on a deployment (a parameter, another resource's attribute, an import) becomes a visible
// placeholder string, `{{Ref BucketName}}`, `{{Fn::GetAtt Role.Arn}}`, so the policy is still
// analyzed and the finding shows what stood there. `${...}` is not used for placeholders: in a
// policy it means an IAM policy variable. See docs/inputs.md for the full list.

#include "core/json_tree.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::input::cfn {

// How each named condition of the template turns out: Fn::If [Name, A, B] is A unless
// `Name` is false here. An empty map takes every first branch.
using Outcomes = std::map<std::string, bool>;

// The condition names of every Fn::If inside `node`, in the order they first appear.
std::vector<std::string> condition_names(const JsonNode& node);

// {"Ref": ...} or {"Fn::...": ...}: an object with that one key.
bool is_intrinsic(const JsonNode& node);

// For walking a template's structure: what stands for `node` once every Fn::If is decided by
// `outcomes`; null when that is AWS::NoValue.
const JsonNode* choose(const JsonNode& node, const Outcomes& outcomes = {});

// A copy of `node` with every intrinsic replaced by its value or a placeholder string spanning
// the intrinsic in the file; members and elements that are AWS::NoValue are dropped. Empty when
// `node` itself is AWS::NoValue.
std::optional<JsonNode> resolve(const JsonNode& node, const Outcomes& outcomes = {});

}  // namespace mfalint::input::cfn
