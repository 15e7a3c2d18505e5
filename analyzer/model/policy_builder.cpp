#include "model/policy_builder.h"

#include "catalog/catalog.h"
#include "catalog/text.h"
#include "model/policy_finding.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>

namespace mfalint::model {
namespace {

using Kind = JsonNode::Kind;

constexpr std::array<std::string_view, 3> kPolicyKeys = {"Version", "Id", "Statement"};
constexpr std::array<std::string_view, 9> kStatementKeys = {"Sid",      "Effect",      "Principal",
                                                            "NotPrincipal", "Action", "NotAction",
                                                            "Resource", "NotResource", "Condition"};

// JSON characters a policy takes once white space outside strings is removed, as IAM counts it.
uint32_t minified_size(const JsonNode& node) {
  switch (node.kind) {
    case Kind::Null: return 4;
    case Kind::True: return 4;
    case Kind::False: return 5;
    case Kind::Number: return static_cast<uint32_t>(node.text.size());
    case Kind::String: return static_cast<uint32_t>(node.text.size()) + 2;
    case Kind::Array:
    case Kind::Object: {
      uint32_t size = 2 + (node.items.empty() ? 0 : static_cast<uint32_t>(node.items.size()) - 1);
      for (const auto& key : node.keys) size += static_cast<uint32_t>(key.name.size()) + 3;  // "key":
      for (const auto& item : node.items) size += minified_size(item);
      return size;
    }
  }
  return 0;
}

class Builder {
 public:
  Builder(const PolicyOrigin& origin, Findings& out) : out_(out), first_finding_(out.size()) {
    policy_.source = origin.source;
    policy_.context = origin.context;
    policy_.branch = origin.branch;
    policy_.kind = origin.kind;
    policy_.quota = origin.quota;
    policy_.kind_stated = origin.kind_known;
    policy_.resource_type = origin.resource_type;
  }

  std::optional<Policy> build(const JsonNode& root, bool kind_known) {
    policy_.loc = loc(root.begin, root.end);
    report_duplicate_keys(root);
    if (!root.is_object()) {
      add("IAM002", root, fmt::format("a policy must be a JSON object, not {}", json_kind_name(root.kind)),
          "DATA_TYPE_MISMATCH");
      return std::nullopt;
    }
    policy_.size_without_whitespace = minified_size(root);
    for (size_t i = 0; i < root.keys.size(); ++i) {
      const auto& key = root.keys[i];
      const JsonNode& value = root.items[i];
      if (key.name == "Version") {
        policy_.version = text(value, "Version");
      } else if (key.name == "Id") {
        policy_.id = text(value, "Id");
      } else if (key.name == "Statement") {
        statements(value);
      } else {
        unknown_key(key, kPolicyKeys, "policy");
      }
    }
    if (!root.find("Statement")) add("IAM002", root, "a policy needs a \"Statement\" element", "MISSING_STATEMENT");
    if (!kind_known) policy_.kind = guess_kind();
    // Its grammar findings were made before the kind was known.
    for (size_t i = first_finding_; i < out_.size(); ++i) out_[i].policy_type = policy_type_name(policy_.kind);
    return std::move(policy_);
  }

 private:
  // Values are mostly located in the order they are written: each search starts from the line of
  // the one before.
  Location loc(uint32_t begin, uint32_t end) {
    if (!policy_.source) return Location{begin, end, 0, 0, 0, 0};
    Location at = policy_.source->locate(begin, end, last_line_);
    last_line_ = at.line;
    return at;
  }
  // `code`: the Access Analyzer check it is, for a rule that covers several.
  void add(std::string_view rule, const JsonNode& at, std::string message, std::string_view code = {}) {
    add_at(rule, loc(at.begin, at.end), std::move(message), code);
  }
  void add_at(std::string_view rule, const Location& at, std::string message, std::string_view code = {}) {
    Finding finding = model::make_finding(rule, policy_, at, std::move(message));
    if (!code.empty()) finding.aws_issue_code = code;
    if (current_) {
      finding.statement = current_->index;
      if (current_->sid) finding.sid = current_->sid->value;
    }
    out_.push_back(std::move(finding));
  }

  void report_duplicate_keys(const JsonNode& node) {
    if (node.is_object()) {
      for (size_t i = 1; i < node.keys.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (node.keys[i].name != node.keys[j].name) continue;
          const auto& first = loc(node.keys[j].begin, node.keys[j].end);
          add_at("IAM012", loc(node.keys[i].begin, node.keys[i].end),
                 fmt::format("duplicate key \"{}\" (first at line {}): JSON parsers disagree on which one wins",
                             node.keys[i].name, first.line));
          break;
        }
      }
    }
    for (const auto& item : node.items) {
      if (!item.items.empty()) report_duplicate_keys(item);  // most nodes are scalars: nothing below them
    }
  }

  template <size_t N>
  void unknown_key(const JsonNode::Key& key, const std::array<std::string_view, N>& known, std::string_view where) {
    std::string_view code = where.ends_with("principal") ? "INVALID_PRINCIPAL_KEY" : "INVALID_POLICY_ELEMENT";
    for (auto name : known) {
      if (catalog::equals_lower(name, key.name)) {
        add_at("IAM009", loc(key.begin, key.end),
               fmt::format("unknown {} element \"{}\"; element names are case-sensitive: did you mean \"{}\"?", where,
                           key.name, name),
               code);
        return;
      }
    }
    add_at("IAM009", loc(key.begin, key.end), fmt::format("unknown {} element \"{}\"", where, key.name), code);
  }

  std::optional<Text> text(const JsonNode& value, std::string_view element) {
    if (!value.is_string()) {
      add("IAM017", value, fmt::format("\"{}\" must be a string, not {}", element, json_kind_name(value.kind)),
          "DATA_TYPE_MISMATCH");
      return std::nullopt;
    }
    return Text{value.text, loc(value.begin, value.end)};
  }

  std::optional<TextList> text_list(const JsonNode& value, std::string_view element) {
    TextList list;
    list.loc = loc(value.begin, value.end);
    if (value.is_string()) {
      list.items.push_back(Text{value.text, list.loc});
      return list;
    }
    if (!value.is_array()) {
      add("IAM017", value,
          fmt::format("\"{}\" must be a string or an array of strings, not {}", element, json_kind_name(value.kind)),
          element.ends_with("Principal") ? "INVALID_PRINCIPAL_FORMAT" : "DATA_TYPE_MISMATCH");
      return std::nullopt;
    }
    list.is_array = true;
    if (value.items.empty()) {
      add("IAM010", value, fmt::format("\"{}\" is an empty array: it matches nothing", element), empty_array_code(element));
    }
    list.items.reserve(value.items.size());
    for (const auto& item : value.items) {
      if (auto entry = text(item, element)) list.items.push_back(std::move(*entry));
    }
    return list;
  }

  static std::string_view empty_array_code(std::string_view element) {
    if (element.ends_with("Action")) return "EMPTY_ARRAY_ACTION";
    if (element.ends_with("Resource")) return "EMPTY_ARRAY_RESOURCE";
    if (element.ends_with("Principal")) return "EMPTY_ARRAY_PRINCIPAL";
    return {};
  }

  // Every Action entry was looked up twice, by the unknown-action check and by the analysis: the
  // builder looks each up once for both (bench/README.md has what the second lookups cost).
  static void look_up_actions(std::optional<TextList>& list) {
    if (!list) return;
    list->action_ids.reserve(list->items.size());
    for (const auto& item : list->items) {
      auto id = catalog::find_action(item.value);
      list->action_ids.push_back(id ? static_cast<uint16_t>(*id) : kNotAnAction);
    }
  }

  void statements(const JsonNode& value) {
    if (value.is_object()) {
      statement(value);
      return;
    }
    if (!value.is_array()) {
      add("IAM017", value,
          fmt::format("\"Statement\" must be an object or an array of objects, not {}", json_kind_name(value.kind)),
          "DATA_TYPE_MISMATCH");
      return;
    }
    policy_.statement_is_array = true;
    if (value.items.empty()) add("IAM010", value, "\"Statement\" is an empty array: the policy grants nothing");
    policy_.statements.reserve(value.items.size());
    for (const auto& item : value.items) {
      if (item.is_object()) {
        statement(item);
      } else {
        add("IAM017", item, fmt::format("a statement must be an object, not {}", json_kind_name(item.kind)),
            "DATA_TYPE_MISMATCH");
      }
    }
  }

  void statement(const JsonNode& node) {
    Statement& st = policy_.statements.emplace_back();
    st.index = static_cast<uint32_t>(policy_.statements.size() - 1);
    st.loc = loc(node.begin, node.end);
    current_ = &st;
    if (const JsonNode* sid = node.find("Sid"); sid && sid->is_string()) st.sid = Text{sid->text, loc(sid->begin, sid->end)};
    for (size_t i = 0; i < node.keys.size(); ++i) {
      const auto& key = node.keys[i];
      const JsonNode& value = node.items[i];
      const std::string& name = key.name;
      if (name == "Sid") {
        if (!value.is_string()) text(value, "Sid");
      } else if (name == "Effect") {
        effect(st, value);
      } else if (name == "Principal") {
        st.principal = principal(value, "Principal");
      } else if (name == "NotPrincipal") {
        st.not_principal = principal(value, "NotPrincipal");
      } else if (name == "Action") {
        st.action = text_list(value, "Action");
        look_up_actions(st.action);
      } else if (name == "NotAction") {
        st.not_action = text_list(value, "NotAction");
        look_up_actions(st.not_action);
      } else if (name == "Resource") {
        st.resource = text_list(value, "Resource");
      } else if (name == "NotResource") {
        st.not_resource = text_list(value, "NotResource");
      } else if (name == "Condition") {
        st.condition_loc = loc(value.begin, value.end);
        condition(st, value);
      } else {
        unknown_key(key, kStatementKeys, "statement");
      }
    }
    if (!node.find("Effect")) {
      add_at("IAM006", st.loc, "statement has no \"Effect\": it must be \"Allow\" or \"Deny\"", "MISSING_EFFECT");
    }
    current_ = nullptr;
  }

  void effect(Statement& st, const JsonNode& value) {
    auto effect_text = text(value, "Effect");
    if (!effect_text) return;
    if (effect_text->value == "Allow") {
      st.effect = Effect::Allow;
    } else if (effect_text->value == "Deny") {
      st.effect = Effect::Deny;
    } else {
      add("IAM006", value,
          fmt::format("\"Effect\" must be \"Allow\" or \"Deny\" (case-sensitive), not \"{}\"", effect_text->value),
          "INVALID_EFFECT");
    }
  }

  std::optional<Principal> principal(const JsonNode& value, std::string_view element) {
    Principal result;
    result.loc = loc(value.begin, value.end);
    if (value.is_string()) {
      if (value.text == "*") {
        result.wildcard = true;
        return result;
      }
      add("IAM017", value, fmt::format("\"{}\" as a string must be \"*\"; use {{\"AWS\": \"{}\"}}", element, value.text),
          "INVALID_PRINCIPAL_FORMAT");
      return std::nullopt;
    }
    if (!value.is_object()) {
      add("IAM017", value, fmt::format("\"{}\" must be \"*\" or an object, not {}", element, json_kind_name(value.kind)),
          "INVALID_PRINCIPAL_FORMAT");
      return std::nullopt;
    }
    if (value.keys.empty()) {
      add("IAM010", value, fmt::format("\"{}\" is an empty object: it names no principal", element),
          "EMPTY_OBJECT_PRINCIPAL");
    }
    static constexpr std::array<std::string_view, 4> kTypes = {"AWS", "Service", "Federated", "CanonicalUser"};
    for (size_t i = 0; i < value.keys.size(); ++i) {
      const auto& key = value.keys[i];
      if (std::find(kTypes.begin(), kTypes.end(), key.name) == kTypes.end()) {
        unknown_key(key, kTypes, element == "Principal" ? "principal" : "not-principal");
        continue;
      }
      if (auto values = text_list(value.items[i], element)) {
        result.entries.push_back(PrincipalEntry{Text{key.name, loc(key.begin, key.end)}, std::move(*values)});
      }
    }
    return result;
  }

  void condition(Statement& st, const JsonNode& value) {
    if (!value.is_object()) {
      add("IAM017", value, fmt::format("\"Condition\" must be an object, not {}", json_kind_name(value.kind)),
          "DATA_TYPE_MISMATCH");
      return;
    }
    if (value.keys.empty()) add("IAM010", value, "\"Condition\" is an empty object: remove it", "EMPTY_OBJECT_CONDITION");
    for (size_t i = 0; i < value.keys.size(); ++i) {
      const auto& key = value.keys[i];
      const JsonNode& body = value.items[i];
      ConditionBlock block;
      block.op_text = Text{key.name, loc(key.begin, key.end)};
      block.loc = loc(key.begin, body.end);
      std::string_view name = key.name;
      if (name.starts_with("ForAllValues:")) {
        block.qualifier = SetQualifier::ForAllValues;
        name.remove_prefix(13);
      } else if (name.starts_with("ForAnyValue:")) {
        block.qualifier = SetQualifier::ForAnyValue;
        name.remove_prefix(12);
      }
      if (name.ends_with("IfExists")) {
        block.if_exists = true;
        name.remove_suffix(8);
      }
      block.op = parse_condition_op(name);
      if (!body.is_object()) {
        add("IAM017", body,
            fmt::format("condition operator \"{}\" must map to an object of keys, not {}", key.name,
                        json_kind_name(body.kind)),
            "DATA_TYPE_MISMATCH");
        continue;
      }
      if (body.items.empty()) {
        add("IAM010", body, fmt::format("condition operator \"{}\" has no keys", key.name), "EMPTY_OBJECT_CONDITION");
      }
      for (size_t k = 0; k < body.keys.size(); ++k) {
        block.entries.push_back(condition_entry(body.keys[k], body.items[k], block));
      }
      st.conditions.push_back(std::move(block));
    }
  }

  // An empty list of values: what it does depends on the operator's qualifier.
  void empty_values(const JsonNode::Key& key, const JsonNode& value, const ConditionBlock& block) {
    if (block.qualifier == SetQualifier::ForAllValues) {
      add("IAM010", value,
          fmt::format("condition key \"{}\" has no values: with ForAllValues the condition matches only requests "
                      "without the key",
                      key.name),
          "EMPTY_ARRAY_CONDITION_FORALLVALUES");
    } else if (block.qualifier == SetQualifier::ForAnyValue) {
      add("IAM010", value,
          fmt::format("condition key \"{}\" has no values: with ForAnyValue the condition never matches", key.name),
          "EMPTY_ARRAY_CONDITION_FORANYVALUE");
    } else if (block.if_exists) {
      add("IAM010", value,
          fmt::format("condition key \"{}\" has no values: with IfExists the condition matches only requests "
                      "without the key",
                      key.name),
          "EMPTY_ARRAY_CONDITION_IFEXISTS");
    } else {
      add("IAM010", value, fmt::format("condition key \"{}\" has no values", key.name), "EMPTY_ARRAY_CONDITION");
    }
  }

  ConditionEntry condition_entry(const JsonNode::Key& key, const JsonNode& value, const ConditionBlock& block) {
    ConditionEntry entry;
    entry.key = Text{key.name, loc(key.begin, key.end)};
    entry.loc = loc(key.begin, value.end);
    auto add_value = [&](const JsonNode& item) {
      ConditionValue cv;
      cv.loc = loc(item.begin, item.end);
      switch (item.kind) {
        case Kind::String: cv.kind = ValueKind::String; cv.text = item.text; break;
        case Kind::Number: cv.kind = ValueKind::Number; cv.text = item.text; break;
        case Kind::True: cv.kind = ValueKind::Bool; cv.text = "true"; break;
        case Kind::False: cv.kind = ValueKind::Bool; cv.text = "false"; break;
        case Kind::Null: cv.kind = ValueKind::Null; cv.text = "null"; break;
        default:
          cv.kind = ValueKind::Other;
          add("IAM017", item,
              fmt::format("condition value for \"{}\" must be a string, number or boolean, not {}", key.name,
                          json_kind_name(item.kind)),
              "DATA_TYPE_MISMATCH");
          return;
      }
      entry.values.push_back(std::move(cv));
    };
    if (value.is_array()) {
      entry.is_array = true;
      if (value.items.empty()) empty_values(key, value, block);
      for (const auto& item : value.items) add_value(item);
    } else {
      add_value(value);
    }
    return entry;
  }

  // A bare file does not say what it is: a statement with a Principal makes it a resource policy,
  // and one that only lets principals assume it is a role trust policy.
  PolicyKind guess_kind() const {
    bool any_principal = false;
    bool all_assume = true;
    for (const auto& st : policy_.statements) {
      if (st.principal || st.not_principal) any_principal = true;
      if (st.resource || st.not_resource || !st.action) {
        all_assume = false;
        continue;
      }
      for (const auto& action : st.action->items) {
        if (!catalog::starts_with_lower(action.value, "sts:")) all_assume = false;
      }
    }
    if (!any_principal) return PolicyKind::Identity;
    return all_assume ? PolicyKind::Trust : PolicyKind::Resource;
  }

  Policy policy_;
  Findings& out_;
  size_t first_finding_;
  Statement* current_ = nullptr;
  uint32_t last_line_ = 0;  // of the value located last
};

}  // namespace

std::optional<Policy> build_policy(const JsonNode& root, const PolicyOrigin& origin, Findings& out) {
  Builder builder(origin, out);
  return builder.build(root, origin.kind_known);
}

}  // namespace mfalint::model
