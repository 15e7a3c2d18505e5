#pragma once
// YAML read into the same located tree as JSON, so the policy builder and every check work on
// CloudFormation YAML unchanged and findings point at the template's lines.
//
// Plain scalars become null, true/false or numbers when they read as such (JSON's spelling plus
// YAML's `~`, `True`, `FALSE`, ...), anything else a string. A short-form tag becomes the long
// form CloudFormation defines: `!Ref X` is {"Ref": "X"}, `!Sub s` is {"Fn::Sub": "s"},
// `!Condition C` is {"Condition": "C"}, and so on. Duplicate keys are kept in order, as in JSON.

#include "core/json_tree.h"

#include <string_view>

namespace mfalint::input {

// Reads the first YAML document of `text`. Aliases are refused: CloudFormation does not accept
// them, and refusing them keeps a hostile file from expanding exponentially.
JsonParseResult parse_yaml(std::string_view text);

// The decoded text of a string scalar that parse_yaml produced, with each byte mapped back to the
// file offset it came from (a policy written as a JSON string inside the YAML).
EmbeddedText yaml_string_text(const SourceFile& file, const JsonNode& node);

}  // namespace mfalint::input
