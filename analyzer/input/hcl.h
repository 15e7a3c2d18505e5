#pragma once
// A reader for HCL2's native syntax (Terraform's `.tf` files), written because Debian packages no C
// or C++ HCL2 parser (only HashiCorp's Go one). It reads the whole grammar's shape (bodies, blocks,
// attributes, every expression form) and keeps in detail only what a policy can be made of:
// literals, templates and heredocs, tuples, objects, function calls and references. Operators,
// conditionals, `for` and splat expressions are read and kept as `Other`: their value is not known
// without evaluating Terraform.
//
// Bounded like the JSON and YAML readers: nesting deeper than kMaxHclDepth is an error, and the
// caller's file size limit bounds the rest. A syntax error stops only the top-level block it is
// in: reading resumes at the next line that starts a block, so the file's other blocks are kept.

#include "core/location.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::input::hcl {

inline constexpr int kMaxHclDepth = 128;

struct Expr;

// One piece of a template ("a${b}c"): literal text, its bytes mapped to file offsets, or an
// interpolation. A template directive (%{ if }, %{ for }) is an interpolation of an `Other`.
struct TemplatePart {
  EmbeddedText literal;  // when !interpolation
  std::vector<Expr> interpolation;  // one expression when it is one
  bool is_interpolation() const { return !interpolation.empty(); }
};

struct Expr {
  enum class Kind : uint8_t { Null, Bool, Number, Template, Tuple, Object, Call, Reference, Other };
  Kind kind = Kind::Other;
  uint32_t begin = 0;  // file offsets of the expression's first byte and one past its last
  uint32_t end = 0;
  std::string text;  // Bool: "true"/"false"; Number: as written; Call: the function's name
  std::vector<TemplatePart> parts;  // Template (quoted strings and heredocs)
  std::vector<Expr> items;  // Tuple items, Call arguments, Object values
  std::vector<Expr> keys;   // Object keys, parallel to items (a bare name is a one-part template)
  // Reference: the root name and each attribute or literal index after it ("data", "x", "json");
  // an index that is not a literal makes the expression `Other`.
  std::vector<std::string> path;
};

struct Body;

struct Attribute {
  std::string name;
  uint32_t name_begin = 0, name_end = 0;
  Expr value;
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  uint32_t begin = 0;  // the block's first byte (its type) ...
  uint32_t header_end = 0;  // ... the end of its last label ...
  uint32_t end = 0;    // ... and one past its closing brace
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;

  const Attribute* attribute(std::string_view name) const;
};

struct SyntaxError {
  std::string message;
  uint32_t offset = 0;
};

struct File {
  Block body;  // the file's top level: attributes and blocks, no type
  std::vector<SyntaxError> errors;
};

// Reads `text`. With `outer`, the text was decoded from a file and offsets are mapped through it.
File parse(std::string_view text, const std::vector<uint32_t>* outer = nullptr);

// Reads `text` as one template (the content of a quoted string in a `.tf.json` file, a
// templatefile()'s file): literal text with ${...} interpolations and %{...} directives.
// An interpolation that does not parse is kept as an `Other` expression.
Expr parse_template(std::string_view text, const std::vector<uint32_t>* outer = nullptr);

}  // namespace mfalint::input::hcl
