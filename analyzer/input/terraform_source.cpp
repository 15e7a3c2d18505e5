// Terraform source read directly. Every file of the module is parsed (hcl.h; `.tf.json` through the
// JSON reader), then each policy-bearing resource's value is evaluated into the same located JSON
// tree the other adapters build: jsonencode's HCL object keeps each value's `.tf` position, a
// heredoc or string holding JSON is parsed through its byte map, and a policy document data
// source becomes the JSON the provider would render, positioned at its HCL attributes.
//
// A value the module alone does not determine is unknown, never guessed: inside a string it is the
// byte kUnknown, which resolve_unknowns() reads the way that cannot hide a gap from the MFA
// analysis, with a note at the value saying so.
#include "input/terraform_source.h"

#include "input/adapters.h"
#include "input/hcl.h"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

namespace mfalint::input {
namespace fs = std::filesystem;

bool is_terraform_source(std::string_view path) { return path.ends_with(".tf") || path.ends_with(".tf.json"); }

std::vector<ModuleSibling> read_module_siblings(const std::string& path) {
  std::vector<ModuleSibling> siblings;
  if (path == "-" || path == "<stdin>") return siblings;
  std::error_code ec;
  fs::path self(path);
  fs::path directory = self.parent_path().empty() ? fs::path(".") : self.parent_path();
  std::vector<std::string> names;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().string();
    if (!is_terraform_source(name) || !it->is_regular_file(ec) || fs::equivalent(it->path(), self, ec)) continue;
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  for (auto& name : names) {
    FileText read = read_file_text(name, kDefaultMaxFileBytes);
    if (!read.failure) siblings.push_back({std::move(name), std::move(read.text)});
  }
  return siblings;
}

namespace {

using hcl::Attribute;
using hcl::Block;
using hcl::Expr;
using model::PolicyKind;
using model::SizeQuota;

constexpr char kUnknown = '\x7f';

// A value the module does not determine, and where it is used.
struct Unknown {
  size_t file;
  uint32_t begin, end;
  std::string what;
};

// An evaluated expression. `node` holds the value with positions in module file `file`; a string
// also maps each byte to its offset (`outer`), so JSON inside it is located to the byte.
struct Value {
  JsonNode node;
  std::vector<uint32_t> outer;
  size_t file = 0;
  bool unknown = false;   // wholly unknown
  bool document = false;  // a policy as a tree: jsonencode's argument, a policy document's JSON
};

struct ModuleFile {
  std::shared_ptr<const SourceFile> source;
  Block body;
  std::vector<hcl::SyntaxError> errors;
  bool external = false;  // read by file() or templatefile(): no blocks
};

JsonNode string_node(std::string text, uint32_t begin, uint32_t end) {
  JsonNode node;
  node.kind = JsonNode::Kind::String;
  node.text = std::move(text);
  node.begin = begin;
  node.end = end;
  return node;
}

void relocate(JsonNode& node, uint32_t begin, uint32_t end) {
  node.begin = begin;
  node.end = end;
  for (auto& key : node.keys) key.begin = begin, key.end = end;
  for (auto& item : node.items) relocate(item, begin, end);
}

std::string expression_text(const SourceFile& source, uint32_t begin, uint32_t end) {
  std::string text = source.text().substr(begin, std::min<uint32_t>(end - begin, 80));
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// ---- .tf.json: the JSON syntax read into the same blocks as the native syntax.

// Nested block types of the resources read here; any other key of a block is an attribute.
bool block_key(std::string_view key) {
  return key == "statement" || key == "condition" || key == "principals" || key == "not_principals" ||
         key == "inline_policy";
}

class JsonSyntax {
 public:
  explicit JsonSyntax(const SourceFile& source) : source_(source) {}

  Expr expression(const JsonNode& node) const {
    Expr expr;
    expr.begin = node.begin;
    expr.end = node.end;
    switch (node.kind) {
      case JsonNode::Kind::Null: expr.kind = Expr::Kind::Null; break;
      case JsonNode::Kind::True:
      case JsonNode::Kind::False:
        expr.kind = Expr::Kind::Bool;
        expr.text = node.kind == JsonNode::Kind::True ? "true" : "false";
        break;
      case JsonNode::Kind::Number:
        expr.kind = Expr::Kind::Number;
        expr.text = node.text;
        break;
      case JsonNode::Kind::String: {
        EmbeddedText decoded = decode_json_string(source_, node.begin, node.end);
        expr = hcl::parse_template(decoded.text, &decoded.outer);
        expr.begin = node.begin;
        expr.end = node.end;
        break;
      }
      case JsonNode::Kind::Array:
        expr.kind = Expr::Kind::Tuple;
        for (const auto& item : node.items) expr.items.push_back(expression(item));
        break;
      case JsonNode::Kind::Object:
        expr.kind = Expr::Kind::Object;
        for (size_t i = 0; i < node.items.size(); ++i) {
          Expr key;
          key.kind = Expr::Kind::Template;
          key.begin = node.keys[i].begin;
          key.end = node.keys[i].end;
          hcl::TemplatePart part;
          part.literal = decode_json_string(source_, key.begin, key.end);
          key.parts.push_back(std::move(part));
          expr.keys.push_back(std::move(key));
          expr.items.push_back(expression(node.items[i]));
        }
        break;
    }
    return expr;
  }

  // {"attr": value, "statement": {...} or [{...}], ...}
  void body(const JsonNode& node, Block& into) const {
    if (!node.is_object()) return;
    for (size_t i = 0; i < node.items.size(); ++i) {
      const auto& key = node.keys[i];
      const JsonNode& value = node.items[i];
      if (block_key(key.name) && (value.is_object() || value.is_array())) {
        for (const JsonNode* one : each(value)) {
          Block block;
          block.type = key.name;
          block.begin = key.begin;
          block.header_end = key.end;
          block.end = one->end;
          body(*one, block);
          into.blocks.push_back(std::move(block));
        }
      } else {
        into.attributes.push_back({key.name, key.begin, key.end, expression(value)});
      }
    }
  }

  // The top level: {"resource": {TYPE: {NAME: body}}, "data": ..., "locals": {...}, "variable": {NAME: body}}
  Block file(const JsonNode& root) const {
    Block top;
    if (!root.is_object()) return top;
    for (size_t i = 0; i < root.items.size(); ++i) {
      const auto& key = root.keys[i];
      for (const JsonNode* value : each(root.items[i])) {
        if (key.name == "locals") {
          Block block;
          block.type = "locals";
          block.begin = key.begin;
          block.header_end = key.end;
          block.end = value->end;
          body(*value, block);
          top.blocks.push_back(std::move(block));
        } else if (key.name == "resource" || key.name == "data") {
          labelled(key, *value, 2, {}, top);
        } else if (key.name == "variable") {
          labelled(key, *value, 1, {}, top);
        }
      }
    }
    return top;
  }

 private:
  static std::vector<const JsonNode*> each(const JsonNode& value) {
    std::vector<const JsonNode*> out;
    if (value.is_array()) {
      for (const auto& item : value.items) out.push_back(&item);
    } else {
      out.push_back(&value);
    }
    return out;
  }

  void labelled(const JsonNode::Key& type, const JsonNode& node, size_t depth, std::vector<std::string> labels,
                Block& top) const {
    if (!node.is_object()) return;
    if (labels.size() == depth) {
      Block block;
      block.type = type.name;
      block.labels = std::move(labels);
      block.begin = type.begin;
      block.header_end = type.end;
      block.end = node.end;
      body(node, block);
      top.blocks.push_back(std::move(block));
      return;
    }
    for (size_t i = 0; i < node.items.size(); ++i) {
      auto next = labels;
      next.push_back(node.keys[i].name);
      for (const JsonNode* one : each(node.items[i])) {
        JsonNode::Key at = node.keys[i];
        at.name = type.name;
        labelled(at, *one, depth, next, top);
      }
    }
  }

  const SourceFile& source_;
};

// ---- Unknown values read the safe way for the MFA analysis

bool has_unknown(const JsonNode& node) {
  if (node.text.find(kUnknown) != std::string::npos) return true;
  for (const auto& key : node.keys) {
    if (key.name.find(kUnknown) != std::string::npos) return true;
  }
  return std::any_of(node.items.begin(), node.items.end(), has_unknown);
}

// An unknown part of a string matches anything.
void widen(JsonNode& node) {
  std::replace(node.text.begin(), node.text.end(), kUnknown, '*');
  for (auto& key : node.keys) std::replace(key.name.begin(), key.name.end(), kUnknown, '*');
  for (auto& item : node.items) widen(item);
}

JsonNode* member(JsonNode& object, std::string_view name) { return const_cast<JsonNode*>(object.find(name)); }

void erase_members(JsonNode& object, const std::function<bool(const JsonNode::Key&, const JsonNode&)>& drop) {
  for (size_t i = object.items.size(); i-- > 0;) {
    if (!drop(object.keys[i], object.items[i])) continue;
    object.keys.erase(object.keys.begin() + static_cast<std::ptrdiff_t>(i));
    object.items.erase(object.items.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

bool unknown_key(const JsonNode::Key& key) { return key.name.find(kUnknown) != std::string::npos; }

// In an Allow, a condition that depends on an unknown may hold: it is left out. An exclusion
// (NotAction, NotResource, NotPrincipal) that is unknown may exclude nothing: its unknown items
// are left out, and one left empty becomes its positive element with "*".
void resolve_allow(JsonNode& statement) {
  if (JsonNode* condition = member(statement, "Condition"); condition && condition->is_object()) {
    for (auto& block : condition->items) {
      if (block.is_object()) erase_members(block, [](const auto& key, const auto& values) { return unknown_key(key) || has_unknown(values); });
    }
    erase_members(*condition, [](const auto& key, const auto& block) { return unknown_key(key) || block.items.empty(); });
  }
  erase_members(statement, [](const auto& key, const auto& value) {
    return (key.name == "Sid" || key.name == "Condition") && (has_unknown(value) || (value.items.empty() && value.kind == JsonNode::Kind::Object));
  });
  for (std::string_view name : {"NotAction", "NotResource", "NotPrincipal"}) {
    JsonNode* exclusion = member(statement, name);
    if (!exclusion || !has_unknown(*exclusion)) continue;
    if (exclusion->is_array()) {
      std::erase_if(exclusion->items, has_unknown);
    } else if (exclusion->is_object()) {
      for (auto& values : exclusion->items) {
        if (values.is_array()) std::erase_if(values.items, has_unknown);
      }
      erase_members(*exclusion, [](const auto& key, const auto& values) {
        return unknown_key(key) || has_unknown(values) || (values.is_array() && values.items.empty());
      });
    }
    bool empty = (exclusion->is_array() || exclusion->is_object()) ? exclusion->items.empty() : true;
    if (!empty) continue;
    for (size_t i = 0; i < statement.keys.size(); ++i) {
      if (statement.keys[i].name != name) continue;
      statement.keys[i].name = std::string(name.substr(3));
      uint32_t begin = statement.items[i].begin, end = statement.items[i].end;
      statement.items[i] = string_node("*", begin, end);
    }
  }
}

// Statements that depend on an unknown: an unknown Effect may be Allow; a Deny is not counted (it
// may deny nothing); an Allow is widened. The rest of the policy is read as written.
void resolve_unknowns(JsonNode& policy) {
  JsonNode* statements = policy.is_object() ? member(policy, "Statement") : nullptr;
  if (statements && (statements->is_array() || statements->is_object()) && has_unknown(*statements)) {
    if (statements->is_object()) {
      JsonNode single = std::move(*statements);
      statements->kind = JsonNode::Kind::Array;
      statements->keys.clear();
      statements->begin = single.begin;
      statements->end = single.end;
      statements->items = {std::move(single)};
    }
    for (auto& statement : statements->items) {
      if (!statement.is_object() || !has_unknown(statement)) continue;
      if (JsonNode* effect = member(statement, "Effect"); effect && has_unknown(*effect)) effect->text = "Allow";
      JsonNode* effect = member(statement, "Effect");
      if (!(effect && effect->text == "Deny")) resolve_allow(statement);
    }
    std::erase_if(statements->items, [](const JsonNode& statement) {
      const JsonNode* effect = statement.is_object() ? statement.find("Effect") : nullptr;
      return effect && effect->text == "Deny" && has_unknown(statement);
    });
  }
  widen(policy);
}

// ---- The resources that hold policies.

struct PolicyAttribute {
  std::string_view type;
  std::string_view attribute;
  PolicyKind kind;
  SizeQuota quota;
};

constexpr PolicyAttribute kPolicyAttributes[] = {
    {"aws_iam_policy", "policy", PolicyKind::Identity, SizeQuota::Managed},
    {"aws_iam_role_policy", "policy", PolicyKind::Identity, SizeQuota::InlineRole},
    {"aws_iam_user_policy", "policy", PolicyKind::Identity, SizeQuota::InlineUser},
    {"aws_iam_group_policy", "policy", PolicyKind::Identity, SizeQuota::InlineGroup},
    {"aws_iam_role", "assume_role_policy", PolicyKind::Trust, SizeQuota::TrustPolicy},
    {"aws_s3_bucket_policy", "policy", PolicyKind::Resource, SizeQuota::None},
    {"aws_kms_key", "policy", PolicyKind::Resource, SizeQuota::None},
    {"aws_sns_topic_policy", "policy", PolicyKind::Resource, SizeQuota::None},
    {"aws_sqs_queue_policy", "policy", PolicyKind::Resource, SizeQuota::None},
    {"aws_secretsmanager_secret_policy", "policy", PolicyKind::Resource, SizeQuota::None},
    {"aws_ecr_repository_policy", "policy", PolicyKind::Resource, SizeQuota::None},
    {"aws_organizations_policy", "content", PolicyKind::ServiceControl, SizeQuota::None},
};

class Module {
 public:
  Module(LoadedFile& file, const std::vector<ModuleSibling>& siblings) : loaded_(file) {
    add_file(file.source);
    for (const auto& sibling : siblings) add_file(std::make_shared<SourceFile>(sibling.path, sibling.text));
    directory_ = fs::path(file.path).parent_path().string();
    for (size_t f = 0; f < files_.size(); ++f) {
      for (const auto& block : files_[f].body.blocks) index(block, f);
    }
  }

  void load() {
    for (const auto& error : files_[0].errors) fail(loaded_, error.message, error.offset);
    for (size_t f = 0; f < files_.size(); ++f) {
      for (const auto& block : files_[f].body.blocks) {
        if (block.type == "resource" && block.labels.size() == 2) resource(block, f);
      }
    }
    // A policy document nothing in the module uses is checked on its own.
    for (const auto& [name, where] : documents_) {
      if (used_documents_.count(name)) continue;
      size_t first_unknown = unknowns_.size();
      Value value = document(name);
      policy(std::move(value), first_unknown, "data.aws_iam_policy_document." + name, {PolicyKind::Identity, SizeQuota::None},
             false);
    }
  }

 private:
  struct Kind {
    PolicyKind kind;
    SizeQuota quota;
    std::string_view resource_type = {};  // Policy::resource_type
  };

  void add_file(std::shared_ptr<const SourceFile> source) {
    ModuleFile module_file;
    module_file.source = source;
    const std::string& text = source->text();
    if (source->path().ends_with(".json")) {
      auto parsed = parse_json(text);
      if (!parsed.root) {
        module_file.errors.push_back({parsed.error, parsed.error_offset});
      } else {
        module_file.body = JsonSyntax(*source).file(*parsed.root);
      }
    } else {
      hcl::File parsed = hcl::parse(text);
      module_file.body = std::move(parsed.body);
      module_file.errors = std::move(parsed.errors);
    }
    files_.push_back(std::move(module_file));
  }

  void index(const Block& block, size_t f) {
    if (block.type == "locals") {
      for (const auto& attribute : block.attributes) locals_.emplace(attribute.name, std::make_pair(&attribute, f));
    } else if (block.type == "variable" && block.labels.size() == 1) {
      if (const Attribute* fallback = block.attribute("default")) variables_.emplace(block.labels[0], std::make_pair(fallback, f));
    } else if (block.type == "data" && block.labels.size() == 2 && block.labels[0] == "aws_iam_policy_document") {
      documents_.emplace(block.labels[1], std::make_pair(&block, f));
    } else if (block.type == "resource" && block.labels.size() == 2 &&
               (block.labels[0] == "aws_iam_role" || block.labels[0] == "aws_iam_user")) {
      // permissions_boundary = aws_iam_policy.NAME.arn: that policy is a permissions boundary.
      const Attribute* boundary = block.attribute("permissions_boundary");
      if (boundary && boundary->value.kind == Expr::Kind::Reference && boundary->value.path.size() >= 2 &&
          boundary->value.path[0] == "aws_iam_policy") {
        boundaries_.insert(boundary->value.path[1]);
      }
    }
  }

  // ---- Evaluation

  Value unknown(const Expr& expr, size_t f, std::string what) {
    unknowns_.push_back({f, expr.begin, expr.end, std::move(what)});
    Value value;
    value.node = string_node(std::string(1, kUnknown), expr.begin, expr.end);
    value.outer = {expr.begin, expr.end};
    value.file = f;
    value.unknown = true;
    return value;
  }

  Value evaluate(const Expr& expr, size_t f) {
    if (++depth_ > hcl::kMaxHclDepth) {
      --depth_;
      return unknown(expr, f, "a value nested too deeply");
    }
    Value value = evaluate_inner(expr, f);
    --depth_;
    return value;
  }

  Value evaluate_inner(const Expr& expr, size_t f) {
    Value value;
    value.file = f;
    value.node.begin = expr.begin;
    value.node.end = expr.end;
    switch (expr.kind) {
      case Expr::Kind::Null: value.node.kind = JsonNode::Kind::Null; return value;
      case Expr::Kind::Bool:
        value.node.kind = expr.text == "true" ? JsonNode::Kind::True : JsonNode::Kind::False;
        return value;
      case Expr::Kind::Number:
        value.node.kind = JsonNode::Kind::Number;
        value.node.text = expr.text;
        return value;
      case Expr::Kind::Template: return evaluate_template(expr, f);
      case Expr::Kind::Tuple:
        value.node.kind = JsonNode::Kind::Array;
        for (const auto& item : expr.items) value.node.items.push_back(evaluate(item, f).node);
        return value;
      case Expr::Kind::Object:
        value.node.kind = JsonNode::Kind::Object;
        for (size_t i = 0; i < expr.items.size(); ++i) {
          Value key = evaluate(expr.keys[i], f);
          if (key.node.kind != JsonNode::Kind::String) continue;
          value.node.keys.push_back({key.node.text, expr.keys[i].begin, expr.keys[i].end});
          value.node.items.push_back(evaluate(expr.items[i], f).node);
        }
        return value;
      case Expr::Kind::Call: return call(expr, f);
      case Expr::Kind::Reference: return reference(expr, f);
      case Expr::Kind::Other: break;
    }
    return unknown(expr, f, fmt::format("`{}`", expression_text(*files_[f].source, expr.begin, expr.end)));
  }

  // A template's parts joined; one that is a single interpolation is that value, unconverted.
  Value evaluate_template(const Expr& expr, size_t f) {
    if (expr.parts.size() == 1 && expr.parts[0].is_interpolation()) return evaluate(expr.parts[0].interpolation[0], f);
    Value value;
    value.file = f;
    value.node = string_node("", expr.begin, expr.end);
    for (const auto& part : expr.parts) {
      if (!part.is_interpolation()) {
        value.node.text += part.literal.text;
        value.outer.insert(value.outer.end(), part.literal.outer.begin(), part.literal.outer.end() - 1);
        continue;
      }
      const Expr& inner = part.interpolation[0];
      Value piece = evaluate(inner, f);
      std::string_view text;
      if (piece.node.kind == JsonNode::Kind::String || piece.node.kind == JsonNode::Kind::Number) {
        text = piece.node.text;
      } else if (piece.node.kind == JsonNode::Kind::True || piece.node.kind == JsonNode::Kind::False) {
        text = piece.node.kind == JsonNode::Kind::True ? "true" : "false";
      } else {
        if (!piece.unknown) unknowns_.push_back({f, inner.begin, inner.end, "a value that is not a string"});
        text = std::string_view(&kUnknown, 1);
      }
      bool mapped = piece.node.kind == JsonNode::Kind::String && piece.file == f && piece.outer.size() == text.size() + 1;
      for (size_t i = 0; i < text.size(); ++i) {
        value.node.text.push_back(text[i]);
        value.outer.push_back(mapped ? piece.outer[i] : inner.begin);
      }
    }
    value.outer.push_back(expr.end);
    return value;
  }

  // Evaluates `expr` of module file `g` for use at `at` in file `f`: a value from another file
  // is located at the reference, since a finding names one file.
  Value evaluate_for(const Expr& expr, size_t g, const Expr& at, size_t f) {
    size_t first_unknown = unknowns_.size();
    Value value = evaluate(expr, g);
    if (value.file == f) return value;
    relocate(value.node, at.begin, at.end);
    value.outer.assign(value.node.text.size() + 1, at.begin);
    value.file = f;
    for (size_t i = first_unknown; i < unknowns_.size(); ++i) {
      if (unknowns_[i].file != f) unknowns_[i] = {f, at.begin, at.end, unknowns_[i].what};
    }
    return value;
  }

  // `rest` of a reference's path applied to a known value: an attribute or an index.
  Value navigate(Value value, const Expr& expr, size_t f, size_t from) {
    for (size_t i = from; i < expr.path.size() && !value.unknown; ++i) {
      const std::string& step = expr.path[i];
      const JsonNode* next = nullptr;
      if (value.node.is_object()) next = value.node.find(step);
      if (value.node.is_array() && !step.empty() && std::all_of(step.begin(), step.end(), ::isdigit) && step.size() < 9) {
        size_t index = std::stoul(step);
        if (index < value.node.items.size()) next = &value.node.items[index];
      }
      if (!next) return unknown(expr, f, fmt::format("`{}`", join(expr.path)));
      JsonNode copy = *next;
      value.node = std::move(copy);
      value.outer.clear();
    }
    return value;
  }

  static std::string join(const std::vector<std::string>& path) {
    std::string out;
    for (const auto& step : path) out += (out.empty() ? "" : ".") + step;
    return out;
  }

  Value reference(const Expr& expr, size_t f) {
    const auto& path = expr.path;
    const std::string& root = path[0];
    if (root == "var" && path.size() >= 2) {
      auto it = variables_.find(path[1]);
      if (it == variables_.end()) return unknown(expr, f, fmt::format("`var.{}` (no default in the module)", path[1]));
      return navigate(evaluate_for(it->second.first->value, it->second.second, expr, f), expr, f, 2);
    }
    if (root == "local" && path.size() >= 2) {
      auto it = locals_.find(path[1]);
      if (it == locals_.end() || evaluating_locals_.count(path[1])) {
        return unknown(expr, f, fmt::format("`local.{}`", path[1]));
      }
      evaluating_locals_.insert(path[1]);
      Value value = evaluate_for(it->second.first->value, it->second.second, expr, f);
      evaluating_locals_.erase(path[1]);
      return navigate(std::move(value), expr, f, 2);
    }
    if (root == "path" && path.size() == 2 && path[1] == "module") {
      Value value;
      value.file = f;
      value.node = string_node(directory_.empty() ? "." : directory_, expr.begin, expr.end);
      value.outer.assign(value.node.text.size() + 1, expr.begin);
      return value;
    }
    if (root == "data" && path.size() == 4 && path[1] == "aws_iam_policy_document" &&
        (path[3] == "json" || path[3] == "minified_json")) {
      if (documents_.count(path[2]) && !building_documents_.count(path[2])) {
        used_documents_.insert(path[2]);
        size_t first_unknown = unknowns_.size();
        Value value = document(path[2]);
        if (value.file != f) {
          relocate(value.node, expr.begin, expr.end);
          value.file = f;
          for (size_t i = first_unknown; i < unknowns_.size(); ++i) unknowns_[i] = {f, expr.begin, expr.end, unknowns_[i].what};
        }
        return value;
      }
    }
    return unknown(expr, f, fmt::format("`{}` (known only after apply)", join(path)));
  }

  Value call(const Expr& expr, size_t f) {
    const std::string& name = expr.text;
    if (name == "jsonencode" && expr.items.size() == 1) {
      Value value = evaluate(expr.items[0], f);
      value.document = value.node.is_object();
      return value;
    }
    if ((name == "tolist" || name == "toset" || name == "tostring") && expr.items.size() == 1) {
      return evaluate(expr.items[0], f);
    }
    if (name == "concat") {
      Value joined;
      joined.file = f;
      joined.node.kind = JsonNode::Kind::Array;
      joined.node.begin = expr.begin;
      joined.node.end = expr.end;
      for (const auto& item : expr.items) {
        Value list = evaluate(item, f);
        if (list.node.is_array()) {
          for (auto& one : list.node.items) joined.node.items.push_back(std::move(one));
        } else {
          joined.node.items.push_back(std::move(list.node));
        }
      }
      return joined;
    }
    if ((name == "file" || name == "templatefile") && !expr.items.empty()) {
      if (auto read = read_next_to_module(expr.items[0], f, name == "templatefile")) return *read;
    }
    return unknown(expr, f, fmt::format("the result of `{}(...)`", name));
  }

  // file("policy.json") and templatefile("policy.json.tpl", {...}) of a file inside the module's
  // directory; its placeholders are unknown.
  std::optional<Value> read_next_to_module(const Expr& argument, size_t f, bool is_template) {
    Value name = evaluate(argument, f);
    if (name.node.kind != JsonNode::Kind::String || name.unknown ||
        name.node.text.find(kUnknown) != std::string::npos) {
      return std::nullopt;
    }
    fs::path relative = fs::path(name.node.text).lexically_normal();
    std::string base = directory_.empty() ? "." : directory_;
    if (relative.string().starts_with(base + "/")) relative = fs::path(relative.string().substr(base.size() + 1));
    if (relative.is_absolute() || relative.empty() || *relative.begin() == "..") return std::nullopt;
    fs::path full = fs::path(directory_) / relative;
    std::error_code ec;
    if (!fs::is_regular_file(full, ec)) return std::nullopt;
    FileText read = read_file_text(full.string(), kDefaultMaxFileBytes);
    if (read.failure) return std::nullopt;
    ModuleFile external;
    external.source = std::make_shared<SourceFile>(full.string(), std::move(read.text));
    external.external = true;
    files_.push_back(std::move(external));
    size_t g = files_.size() - 1;
    const std::string& text = files_[g].source->text();
    Value value;
    value.file = g;
    if (!is_template) {
      value.node = string_node(text, 0, static_cast<uint32_t>(text.size()));
      for (uint32_t i = 0; i <= text.size(); ++i) value.outer.push_back(i);
      return value;
    }
    Expr parsed = hcl::parse_template(text);
    // Placeholders name templatefile()'s variables, which this reader does not bind.
    for (auto& part : parsed.parts) {
      if (part.is_interpolation()) part.interpolation[0].kind = Expr::Kind::Other;
    }
    return evaluate_template(parsed, g);
  }

  // ---- Policy documents (data "aws_iam_policy_document")

  // The JSON the provider renders for data source `name`, located at its HCL attributes.
  // A document is built once; each use gets its value and its unknowns again.
  Value document(const std::string& name) {
    if (auto it = built_.find(name); it != built_.end()) {
      unknowns_.insert(unknowns_.end(), it->second.second.begin(), it->second.second.end());
      return it->second.first;
    }
    building_documents_.insert(name);
    size_t first_unknown = unknowns_.size();
    auto [block, f] = documents_.at(name);
    Value value;
    value.file = f;
    value.document = true;
    JsonNode& doc = value.node;
    doc.kind = JsonNode::Kind::Object;
    doc.begin = block->begin;
    doc.end = block->end;
    auto member = [&](std::string key, uint32_t begin, uint32_t end, JsonNode node) {
      doc.keys.push_back({std::move(key), begin, end});
      doc.items.push_back(std::move(node));
    };
    if (const Attribute* version = block->attribute("version")) {
      member("Version", version->name_begin, version->name_end, evaluate(version->value, f).node);
    } else {
      member("Version", block->begin, block->header_end, string_node("2012-10-17", block->begin, block->header_end));
    }
    if (const Attribute* id = block->attribute("policy_id")) {
      member("Id", id->name_begin, id->name_end, evaluate(id->value, f).node);
    }
    std::vector<JsonNode> statements;
    merge_documents(block->attribute("source_policy_documents"), f, statements);
    for (const auto& child : block->blocks) {
      if (child.type == "statement") merge_statement(statement(child, f), statements);
    }
    merge_documents(block->attribute("override_policy_documents"), f, statements);
    JsonNode list;
    list.kind = JsonNode::Kind::Array;
    list.begin = block->begin;
    list.end = block->end;
    list.items = std::move(statements);
    member("Statement", block->begin, block->header_end, std::move(list));
    building_documents_.erase(name);
    built_.emplace(name, std::make_pair(value, std::vector<Unknown>(unknowns_.begin() + static_cast<std::ptrdiff_t>(first_unknown), unknowns_.end())));
    return value;
  }

  // A statement with a Sid replaces an earlier one with the same Sid; others are appended.
  static void merge_statement(JsonNode statement, std::vector<JsonNode>& statements) {
    const JsonNode* sid = statement.find("Sid");
    if (sid && sid->is_string() && !sid->text.empty()) {
      for (auto& earlier : statements) {
        const JsonNode* other = earlier.find("Sid");
        if (other && other->is_string() && other->text == sid->text) {
          earlier = std::move(statement);
          return;
        }
      }
    }
    statements.push_back(std::move(statement));
  }

  void merge_documents(const Attribute* documents, size_t f, std::vector<JsonNode>& statements) {
    if (!documents) return;
    Value list = evaluate(documents->value, f);
    if (!list.node.is_array()) return;
    for (const auto& item : list.node.items) {
      std::optional<JsonNode> parsed;
      if (item.is_object()) {
        parsed = item;
      } else if (item.is_string() && item.text.find(kUnknown) == std::string::npos) {
        auto json = parse_json(item.text);
        if (json.root) {
          parsed = std::move(*json.root);
          relocate(*parsed, item.begin, item.end);
        }
      }
      if (!parsed) {
        unknowns_.push_back({f, item.begin, item.end, "a policy document to merge"});
        continue;
      }
      const JsonNode* inner = parsed->find("Statement");
      if (!inner) continue;
      if (inner->is_array()) {
        for (const auto& one : inner->items) merge_statement(one, statements);
      } else {
        merge_statement(*inner, statements);
      }
    }
  }

  JsonNode statement(const Block& block, size_t f) {
    JsonNode node;
    node.kind = JsonNode::Kind::Object;
    node.begin = block.begin;
    node.end = block.end;
    auto member = [&](std::string key, uint32_t begin, uint32_t end, JsonNode value) {
      node.keys.push_back({std::move(key), begin, end});
      node.items.push_back(std::move(value));
    };
    static constexpr std::pair<std::string_view, std::string_view> kElements[] = {
        {"sid", "Sid"},           {"effect", "Effect"},         {"actions", "Action"},
        {"not_actions", "NotAction"}, {"resources", "Resource"}, {"not_resources", "NotResource"},
    };
    for (auto [hcl_name, json_name] : kElements) {
      if (const Attribute* attribute = block.attribute(hcl_name)) {
        member(std::string(json_name), attribute->name_begin, attribute->name_end, evaluate(attribute->value, f).node);
      }
    }
    if (!block.attribute("effect")) {
      member("Effect", block.begin, block.header_end, string_node("Allow", block.begin, block.header_end));
    }
    principals(block, "principals", "Principal", f, node);
    principals(block, "not_principals", "NotPrincipal", f, node);
    JsonNode conditions;
    conditions.kind = JsonNode::Kind::Object;
    for (const auto& child : block.blocks) {
      if (child.type != "condition") continue;
      const Attribute* test = child.attribute("test");
      const Attribute* variable = child.attribute("variable");
      const Attribute* values = child.attribute("values");
      if (!test || !variable || !values) continue;
      JsonNode op = evaluate(test->value, f).node;
      JsonNode key = evaluate(variable->value, f).node;
      JsonNode list = evaluate(values->value, f).node;
      if (!op.is_string() || !key.is_string()) continue;
      if (conditions.keys.empty()) conditions.begin = child.begin;
      conditions.end = child.end;
      JsonNode* block_node = const_cast<JsonNode*>(conditions.find(op.text));
      if (!block_node) {
        // The operator is located at `test = "..."`, as written.
        conditions.keys.push_back({op.text, test->name_begin, test->value.end});
        JsonNode fresh;
        fresh.kind = JsonNode::Kind::Object;
        fresh.begin = child.begin;
        fresh.end = child.end;
        conditions.items.push_back(std::move(fresh));
        block_node = &conditions.items.back();
      }
      if (JsonNode* existing = const_cast<JsonNode*>(block_node->find(key.text)); existing && existing->is_array() && list.is_array()) {
        for (auto& one : list.items) existing->items.push_back(std::move(one));
      } else {
        block_node->keys.push_back({key.text, key.begin, key.end});
        block_node->items.push_back(std::move(list));
      }
    }
    if (!conditions.keys.empty()) member("Condition", conditions.begin, conditions.begin, std::move(conditions));
    return node;
  }

  // principals { type = "AWS" identifiers = [...] } blocks: {"AWS": [...]}, or "*" for type "*".
  void principals(const Block& block, std::string_view block_type, std::string json_name, size_t f, JsonNode& into) {
    JsonNode principal;
    principal.kind = JsonNode::Kind::Object;
    uint32_t begin = 0;
    for (const auto& child : block.blocks) {
      if (child.type != block_type) continue;
      const Attribute* type = child.attribute("type");
      const Attribute* identifiers = child.attribute("identifiers");
      if (!type || !identifiers) continue;
      JsonNode name = evaluate(type->value, f).node;
      JsonNode values = evaluate(identifiers->value, f).node;
      if (!name.is_string()) continue;
      if (principal.keys.empty()) {
        begin = child.begin;
        principal.begin = child.begin;
      }
      principal.end = child.end;
      if (name.text == "*" && values.is_array() && values.items.size() == 1 && values.items[0].is_string() &&
          values.items[0].text == "*") {
        into.keys.push_back({json_name, child.begin, child.header_end});
        into.items.push_back(values.items[0]);
        return;
      }
      if (JsonNode* existing = const_cast<JsonNode*>(principal.find(name.text)); existing && existing->is_array() && values.is_array()) {
        for (auto& one : values.items) existing->items.push_back(std::move(one));
      } else {
        principal.keys.push_back({name.text, type->name_begin, type->value.end});
        principal.items.push_back(std::move(values));
      }
    }
    if (principal.keys.empty()) return;
    into.keys.push_back({std::move(json_name), begin, begin});
    into.items.push_back(std::move(principal));
  }

  // ---- Resources

  void resource(const Block& block, size_t f) {
    const std::string& type = block.labels[0];
    std::string address = type + "." + block.labels[1];
    for (const auto& entry : kPolicyAttributes) {
      if (entry.type != type) continue;
      if (type == "aws_organizations_policy") {
        const Attribute* policy_type = block.attribute("type");
        if (policy_type) {
          Value kind = evaluate(policy_type->value, f);
          if (!kind.node.is_string() || kind.node.text != "SERVICE_CONTROL_POLICY") continue;
        }
      }
      Kind kind{entry.kind, entry.quota, attached_resource_type(type)};
      if (type == "aws_iam_policy" && boundaries_.count(block.labels[1])) kind = {PolicyKind::Boundary, SizeQuota::Managed};
      if (const Attribute* attribute = block.attribute(entry.attribute)) attribute_policy(*attribute, f, address, kind);
    }
    if (type == "aws_iam_role") {
      size_t index = 0;
      for (const auto& child : block.blocks) {
        if (child.type != "inline_policy") continue;
        if (const Attribute* attribute = child.attribute("policy")) {
          attribute_policy(*attribute, f, fmt::format("{}.inline_policy[{}]", address, index),
                           {PolicyKind::Identity, SizeQuota::InlineRole});
        }
        ++index;
      }
    }
  }

  void attribute_policy(const Attribute& attribute, size_t f, const std::string& address, Kind kind) {
    size_t first_unknown = unknowns_.size();
    const Expr& expr = attribute.value;
    // A direct reference to a policy document is checked where the document is written.
    std::string context = address;
    if (expr.kind == Expr::Kind::Reference && expr.path.size() == 4 && expr.path[0] == "data" &&
        expr.path[1] == "aws_iam_policy_document" && documents_.count(expr.path[2])) {
      used_documents_.insert(expr.path[2]);
      context = fmt::format("data.aws_iam_policy_document.{} used by {}", expr.path[2], address);
      Value value = document(expr.path[2]);
      policy(std::move(value), first_unknown, context, kind, true);
      return;
    }
    Value value = evaluate(expr, f);
    policy(std::move(value), first_unknown, context, kind, true);
  }

  // ---- Policies

  // Adds the policy `value` when it is written in the file being loaded, with a note at each
  // unknown its evaluation met (unknowns_ from `from` on).
  void policy(Value value, size_t from, const std::string& context, Kind kind, bool kind_known) {
    if (value.file != 0) return;  // written in another file of the module: reported with that file
    if (value.node.kind == JsonNode::Kind::Null) return;
    note_unknowns(from, context);
    if (value.unknown) {
      add_unchecked_note(loaded_, value.node.begin, value.node.end, context,
                         fmt::format("the policy of {} is not known from the module alone: it was not checked", context));
      return;
    }
    model::PolicyOrigin origin{loaded_.source, context, kind.kind, kind.quota, kind_known};
    origin.resource_type = kind.resource_type;
    JsonNode root;
    if (value.document) {
      root = std::move(value.node);
    } else if (value.node.is_string()) {
      auto parsed = parse_embedded(value);
      if (!parsed.root) {
        fail(loaded_, fmt::format("the policy of {} is not JSON: {}", context, parsed.error), parsed.error_offset);
        return;
      }
      root = std::move(*parsed.root);
    } else {
      return;
    }
    resolve_unknowns(root);
    add_policy(root, std::move(origin), loaded_);
  }

  // A string holding JSON. An unknown byte outside a JSON string stands for a whole JSON value
  // (`"Resource": ${jsonencode(var.arns)}`): it is quoted so the rest still parses.
  static JsonParseResult parse_embedded(const Value& value) {
    EmbeddedText text;
    bool in_string = false, escaped = false;
    for (size_t i = 0; i < value.node.text.size(); ++i) {
      char c = value.node.text[i];
      uint32_t at = value.outer[i];
      if (c == kUnknown && !in_string) {
        text.text += '"';
        text.text += c;
        text.text += '"';
        text.outer.insert(text.outer.end(), 3, at);
        continue;
      }
      if (in_string && !escaped && c == '"') in_string = false;
      else if (!in_string && c == '"') in_string = true;
      escaped = in_string && !escaped && c == '\\';
      text.text += c;
      text.outer.push_back(at);
    }
    text.outer.push_back(value.outer.back());
    return parse_json(text.text, &text.outer);
  }

  void note_unknowns(size_t from, const std::string& context) {
    std::set<std::pair<uint32_t, uint32_t>> noted;
    for (size_t i = from; i < unknowns_.size(); ++i) {
      const Unknown& unknown = unknowns_[i];
      if (unknown.file != 0 || !noted.insert({unknown.begin, unknown.end}).second) continue;
      add_unchecked_note(loaded_, unknown.begin, unknown.end, context,
                         fmt::format("{} is not known from the module alone: an Allow reads it as `*` (anything), "
                                     "and a Deny statement that depends on it is not counted",
                                     unknown.what));
    }
  }

  LoadedFile& loaded_;
  std::vector<ModuleFile> files_;
  std::string directory_;
  std::map<std::string, std::pair<const Attribute*, size_t>> locals_, variables_;
  std::map<std::string, std::pair<const Block*, size_t>> documents_;
  std::set<std::string> boundaries_, used_documents_, building_documents_, evaluating_locals_;
  std::map<std::string, std::pair<Value, std::vector<Unknown>>> built_;
  std::vector<Unknown> unknowns_;
  int depth_ = 0;
};

}  // namespace

void load_terraform_source(LoadedFile& file, const std::vector<ModuleSibling>& siblings) {
  Module module(file, siblings);
  module.load();
}

}  // namespace mfalint::input
