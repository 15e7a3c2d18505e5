#pragma once
// CloudFormation templates, JSON or YAML: both arrive as one located tree (YAML through
// yaml_tree.h), so this module reads the IAM policies out of either and findings point at the
// template's own lines, naming the logical resource.

#include "core/json_tree.h"
#include "input/load.h"

#include <string_view>

namespace mfalint::input {

// How a string node of the tree maps back to the file: JSON and YAML escape differently.
using StringText = EmbeddedText (*)(const SourceFile& file, const JsonNode& node);

// An `AWSTemplateFormatVersion`; a top-level `Resources` or `Parameters` mapping without a
// `Statement`; or `Resources` holding at least one typed resource.
bool is_cloudformation(const JsonNode& root);

// Adds the policy documents of every resource type that holds one (see docs/inputs.md).
void load_cloudformation(const JsonNode& root, LoadedFile& file, StringText string_text);

// A cheap look at the raw text, before parsing: does this file claim to be a template? Keeps
// other YAML (workflows, compose files, charts) out of directory walks and out of errors.
bool looks_like_cloudformation(std::string_view text);

// Reads `file` as a YAML template. A syntax error fails the file at its line and column; YAML
// that parses but is no template holds no policies and yields no finding.
void load_cloudformation_yaml(LoadedFile& file);

}  // namespace mfalint::input
