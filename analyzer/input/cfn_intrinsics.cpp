#include "input/cfn_intrinsics.h"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <map>

namespace mfalint::input::cfn {
namespace {

using Kind = JsonNode::Kind;

// Placeholders quote their arguments; a huge argument would drown the finding's message.
constexpr size_t kMaxPlaceholder = 160;
// Fn::Sub and Fn::Join can nest to double a string at every level; no policy is near this size.
constexpr size_t kMaxResolved = size_t{1} << 16;

bool is_no_value(const JsonNode& node) {
  if (!is_intrinsic(node) || node.keys[0].name != "Ref") return false;
  const JsonNode& arg = node.items[0];
  return arg.is_string() && arg.text == "AWS::NoValue";
}

JsonNode string_at(const JsonNode& where, std::string text) {
  JsonNode node;
  node.kind = Kind::String;
  node.begin = where.begin;
  node.end = where.end;
  node.text = std::move(text);
  return node;
}

std::string render(const JsonNode& node, const Outcomes& outcomes);

std::string placeholder(const JsonNode& intrinsic, const Outcomes& outcomes) {
  const JsonNode& arg = intrinsic.items[0];
  std::string inside = render(arg, outcomes);
  if (arg.is_array() && inside.size() >= 2) inside = inside.substr(1, inside.size() - 2);  // no brackets
  if (inside.size() > kMaxPlaceholder) {
    size_t cut = kMaxPlaceholder;
    while (cut > 0 && (static_cast<unsigned char>(inside[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    inside = inside.substr(0, cut) + "...";
  }
  if (inside.empty()) return fmt::format("{{{{{}}}}}", intrinsic.keys[0].name);
  return fmt::format("{{{{{} {}}}}}", intrinsic.keys[0].name, inside);
}

// A value as it reads in a placeholder: strings bare, intrinsics by their value or placeholder.
std::string render(const JsonNode& node, const Outcomes& outcomes) {
  if (is_intrinsic(node)) {
    auto value = resolve(node, outcomes);
    return value ? render(*value, outcomes) : "";
  }
  switch (node.kind) {
    case Kind::Null: return "null";
    case Kind::True: return "true";
    case Kind::False: return "false";
    case Kind::Number:
    case Kind::String: return node.text;
    case Kind::Array: {
      std::string out = "[";
      for (size_t i = 0; i < node.items.size(); ++i) out += (i ? ", " : "") + render(node.items[i], outcomes);
      return out + "]";
    }
    case Kind::Object: {
      std::string out = "{";
      for (size_t i = 0; i < node.items.size(); ++i) {
        out += (i ? ", " : "") + node.keys[i].name + ": " + render(node.items[i], outcomes);
      }
      return out + "}";
    }
  }
  return "";
}

// A resolved value as text inside a string (Fn::Sub, Fn::Join), or empty when it is no scalar.
std::optional<std::string> as_text(const std::optional<JsonNode>& value) {
  if (!value) return std::string();  // AWS::NoValue contributes nothing
  if (value->kind == Kind::String || value->kind == Kind::Number) return value->text;
  if (value->kind == Kind::True || value->kind == Kind::False) return render(*value, {});
  return std::nullopt;
}

// ${Name} is a parameter or resource (Ref), ${Name.Attr} an attribute (Fn::GetAtt), ${!Text}
// the literal ${Text}; names in the optional map take the map's value.
std::string substitute(const std::string& text, const JsonNode* vars, const Outcomes& outcomes) {
  std::map<std::string, std::string> seen;  // a name used many times is resolved once
  std::string out;
  size_t i = 0;
  while (i < text.size() && out.size() < kMaxResolved) {
    size_t open = text.find("${", i);
    if (open == std::string::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, open - i);
    if (open + 2 < text.size() && text[open + 2] == '!') {
      out += "${";
      i = open + 3;
      continue;
    }
    size_t close = text.find('}', open + 2);
    if (close == std::string::npos) {
      out += text.substr(open);
      break;
    }
    std::string name = text.substr(open + 2, close - open - 2);
    auto [it, fresh] = seen.try_emplace(name);
    if (fresh) {
      const JsonNode* var = vars && vars->is_object() ? vars->find(name) : nullptr;
      if (var) {
        auto value = resolve(*var, outcomes);
        auto value_text = as_text(value);
        it->second = value_text ? *value_text : render(*value, outcomes);
      } else {
        it->second = fmt::format("{{{{{} {}}}}}", name.find('.') == std::string::npos ? "Ref" : "Fn::GetAtt", name);
      }
    }
    out += it->second;
    i = close + 1;
  }
  return out;
}

std::optional<JsonNode> resolve_sub(const JsonNode& intrinsic, const Outcomes& outcomes) {
  const JsonNode& arg = intrinsic.items[0];
  if (arg.is_string()) return string_at(intrinsic, substitute(arg.text, nullptr, outcomes));
  if (arg.is_array() && !arg.items.empty() && arg.items[0].is_string()) {
    return string_at(intrinsic,
                     substitute(arg.items[0].text, arg.items.size() > 1 ? &arg.items[1] : nullptr, outcomes));
  }
  return string_at(intrinsic, placeholder(intrinsic, outcomes));
}

std::optional<JsonNode> resolve_join(const JsonNode& intrinsic, const Outcomes& outcomes) {
  const JsonNode& arg = intrinsic.items[0];
  if (arg.is_array() && arg.items.size() == 2) {
    auto delimiter = as_text(resolve(arg.items[0], outcomes));
    const JsonNode* list = choose(arg.items[1], outcomes);
    if (delimiter && list && list->is_array()) {
      std::string out;
      bool first = true;
      for (const auto& item : list->items) {
        if (out.size() >= kMaxResolved) break;
        auto value = resolve(item, outcomes);
        if (!value) continue;
        auto text = as_text(value);
        out += (first ? "" : *delimiter) + (text ? *text : render(*value, outcomes));
        first = false;
      }
      return string_at(intrinsic, std::move(out));
    }
  }
  return string_at(intrinsic, placeholder(intrinsic, outcomes));
}

std::optional<JsonNode> resolve_select(const JsonNode& intrinsic, const Outcomes& outcomes) {
  const JsonNode& arg = intrinsic.items[0];
  if (arg.is_array() && arg.items.size() == 2) {
    auto index = as_text(resolve(arg.items[0], outcomes));
    const JsonNode* list = choose(arg.items[1], outcomes);
    size_t at = 0;
    if (index && list && list->is_array()) {
      auto [end, ec] = std::from_chars(index->data(), index->data() + index->size(), at);
      if (ec == std::errc() && end == index->data() + index->size() && at < list->items.size()) {
        return resolve(list->items[at], outcomes);
      }
    }
  }
  return string_at(intrinsic, placeholder(intrinsic, outcomes));
}

std::optional<JsonNode> resolve_getatt(const JsonNode& intrinsic, const Outcomes& outcomes) {
  const JsonNode& arg = intrinsic.items[0];
  if (arg.is_array() && arg.items.size() == 2) {
    return string_at(intrinsic, fmt::format("{{{{Fn::GetAtt {}.{}}}}}", render(arg.items[0], outcomes),
                                            render(arg.items[1], outcomes)));
  }
  return string_at(intrinsic, placeholder(intrinsic, outcomes));
}

// The branch of a well-formed Fn::If that `outcomes` takes; null for any other Fn::If.
const JsonNode* branch(const JsonNode& intrinsic, const Outcomes& outcomes) {
  const JsonNode& arg = intrinsic.items[0];
  if (!arg.is_array() || arg.items.size() != 3) return nullptr;
  bool taken = true;
  if (arg.items[0].is_string()) {
    auto outcome = outcomes.find(arg.items[0].text);
    if (outcome != outcomes.end()) taken = outcome->second;
  }
  return &arg.items[taken ? 1 : 2];
}

std::optional<JsonNode> resolve_intrinsic(const JsonNode& intrinsic, const Outcomes& outcomes) {
  const std::string& name = intrinsic.keys[0].name;
  if (is_no_value(intrinsic)) return std::nullopt;
  if (name == "Fn::If") {
    if (const JsonNode* taken = branch(intrinsic, outcomes)) return resolve(*taken, outcomes);
    return string_at(intrinsic, placeholder(intrinsic, outcomes));
  }
  if (name == "Fn::Sub") return resolve_sub(intrinsic, outcomes);
  if (name == "Fn::Join") return resolve_join(intrinsic, outcomes);
  if (name == "Fn::Select") return resolve_select(intrinsic, outcomes);
  if (name == "Fn::GetAtt") return resolve_getatt(intrinsic, outcomes);
  return string_at(intrinsic, placeholder(intrinsic, outcomes));
}

void collect_condition_names(const JsonNode& node, std::vector<std::string>& names) {
  if (is_intrinsic(node) && node.keys[0].name == "Fn::If") {
    const JsonNode& arg = node.items[0];
    if (arg.is_array() && arg.items.size() == 3 && arg.items[0].is_string() &&
        std::find(names.begin(), names.end(), arg.items[0].text) == names.end()) {
      names.push_back(arg.items[0].text);
    }
  }
  for (const auto& item : node.items) collect_condition_names(item, names);
}

}  // namespace

bool is_intrinsic(const JsonNode& node) {
  if (!node.is_object() || node.keys.size() != 1) return false;
  const std::string& key = node.keys[0].name;
  return key == "Ref" || key.starts_with("Fn::");
}

std::vector<std::string> condition_names(const JsonNode& node) {
  std::vector<std::string> names;
  collect_condition_names(node, names);
  return names;
}

const JsonNode* choose(const JsonNode& node, const Outcomes& outcomes) {
  const JsonNode* at = &node;
  // Each step goes one level down the tree, so this ends.
  while (is_intrinsic(*at) && at->keys[0].name == "Fn::If") {
    const JsonNode* taken = branch(*at, outcomes);
    if (!taken) return at;
    at = taken;
  }
  return is_no_value(*at) ? nullptr : at;
}

std::optional<JsonNode> resolve(const JsonNode& node, const Outcomes& outcomes) {
  if (is_intrinsic(node)) return resolve_intrinsic(node, outcomes);
  if (!node.is_object() && !node.is_array()) return node;
  JsonNode out;
  out.kind = node.kind;
  out.begin = node.begin;
  out.end = node.end;
  for (size_t i = 0; i < node.items.size(); ++i) {
    auto value = resolve(node.items[i], outcomes);
    if (!value) continue;
    if (node.is_object()) out.keys.push_back(node.keys[i]);
    out.items.push_back(std::move(*value));
  }
  return out;
}

}  // namespace mfalint::input::cfn
