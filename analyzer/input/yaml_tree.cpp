#include "input/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/core.h>

#include <algorithm>
#include <sstream>

namespace mfalint::input {
namespace {

using Kind = JsonNode::Kind;

// yaml-cpp reports byte offsets, but after a UTF-8 byte order mark, which it swallows.
uint32_t bom_size(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Skips a node's properties (`!Tag`, `&anchor`) and the blanks after them: where its value starts.
uint32_t value_start(std::string_view text, uint32_t p) {
  while (p < text.size() && (text[p] == '!' || text[p] == '&')) {
    while (p < text.size() && !blank(text[p])) ++p;
    while (p < text.size() && blank(text[p])) ++p;
  }
  return p;
}

// One past the closing quote of the quoted scalar whose opening quote is at `open`.
uint32_t quoted_end(std::string_view text, uint32_t open) {
  char quote = text[open];
  for (size_t p = open + 1; p < text.size(); ++p) {
    if (quote == '"' && text[p] == '\\') {
      ++p;
    } else if (text[p] == quote) {
      if (quote == '\'' && p + 1 < text.size() && text[p + 1] == '\'') {
        ++p;  // '' is an escaped quote
      } else {
        return static_cast<uint32_t>(p + 1);
      }
    }
  }
  return static_cast<uint32_t>(text.size());
}

// Maps each byte of a scalar's decoded `value` to the file byte it most likely came from: the
// next equal byte within a short window, skipping what YAML removed (quotes, escapes,
// indentation, folded line breaks). A byte with no match stays at the current position, so the
// map is monotonic and never leaves the scalar's neighbourhood.
EmbeddedText align(std::string_view text, uint32_t from, uint32_t limit, std::string_view value) {
  constexpr uint32_t kWindow = 128;
  EmbeddedText out;
  out.text = std::string(value);
  out.outer.reserve(value.size() + 1);
  uint32_t p = std::min(from, limit);
  for (char c : value) {
    uint32_t stop = std::min(limit, p + kWindow);
    uint32_t q = p;
    while (q < stop && text[q] != c) ++q;
    if (q < stop) {
      out.outer.push_back(q);
      p = q + 1;
    } else {
      out.outer.push_back(p);
    }
  }
  out.outer.push_back(p);
  return out;
}

// Where the decoded text of the scalar whose value starts at `p` begins in the file.
uint32_t content_start(std::string_view text, uint32_t p) {
  if (p >= text.size()) return p;
  if (text[p] == '"' || text[p] == '\'') return p + 1;
  if (text[p] == '|' || text[p] == '>') {  // a block scalar starts on the line after its header
    auto eol = text.find('\n', p);
    return eol == std::string_view::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(eol + 1);
  }
  return p;
}

bool is_null_word(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }
bool is_true_word(std::string_view s) { return s == "true" || s == "True" || s == "TRUE"; }
bool is_false_word(std::string_view s) { return s == "false" || s == "False" || s == "FALSE"; }

// JSON's number grammar: what CloudFormation turns into a JSON number. YAML's other spellings
// (0x1F, .5, +1) stay strings rather than guess.
bool is_json_number(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// The long-form key of a CloudFormation short-form tag: !Ref -> Ref, !GetAtt -> Fn::GetAtt.
// Tags that are not local (`!!str` arrives as tag:yaml.org,2002:str) are not intrinsics.
std::optional<std::string> intrinsic_key(const std::string& tag) {
  if (tag.size() < 2 || tag[0] != '!') return std::nullopt;
  std::string name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return name;
  return "Fn::" + name;
}

struct Stop {  // thrown from the handler to end the parse early
  std::string message;
  uint32_t offset;
};

class TreeHandler : public YAML::EventHandler {
 public:
  explicit TreeHandler(std::string_view text) : text_(text), shift_(bom_size(text)) {}

  std::optional<JsonNode> root;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    // An explicit null is marked where it is written; an empty value is marked at the next token,
    // perhaps lines below: place it right after what came before.
    uint32_t at = pos(mark);
    uint32_t begin = last_end_, end = last_end_;
    if (at >= last_end_ && text_.substr(last_end_, at - last_end_).find('\n') == std::string_view::npos) {
      begin = at;
      end = at;
      while (end < text_.size() && !blank(text_[end]) && text_[end] != ',' && text_[end] != ']' && text_[end] != '}')
        ++end;
    }
    if (awaiting_key()) throw Stop{"a mapping key must be a string", begin};
    JsonNode node;
    node.begin = begin;
    node.end = end;
    attach(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Stop{"YAML aliases (*name) are not supported by CloudFormation", pos(mark)};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    uint32_t at = pos(mark);
    uint32_t start = value_start(text_, at);
    uint32_t end = scalar_end(start, value);
    if (value.empty() && (start >= text_.size() || !(text_[start] == '"' || text_[start] == '\''))) {
      start = end = tag_end(at);  // `!Ref` with nothing after it: do not run into the next line
    }
    if (awaiting_key()) {
      stack_.back().key = JsonNode::Key{value, start, end};
      last_end_ = end;
      return;
    }
    JsonNode node;
    node.begin = start;
    node.end = end;
    node.text = value;
    node.kind = scalar_kind(tag, value);
    if (node.kind != Kind::String && node.kind != Kind::Number) node.text.clear();
    attach(wrap(tag, at, std::move(node)));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    open(Kind::Array, mark, tag, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    open(Kind::Object, mark, tag, style);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    JsonNode node;
    bool flow = false;
    std::optional<JsonNode::Key> key;  // a mapping's key that waits for its value
    std::string tag;
    uint32_t tag_at = 0;
  };

  uint32_t pos(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) return last_end_;
    return std::min(static_cast<uint32_t>(mark.pos) + shift_, static_cast<uint32_t>(text_.size()));
  }

  bool awaiting_key() const { return !stack_.empty() && stack_.back().node.is_object() && !stack_.back().key; }

  uint32_t tag_end(uint32_t at) const {
    while (at < text_.size() && !blank(text_[at])) ++at;
    return at;
  }

  uint32_t scalar_end(uint32_t start, const std::string& value) const {
    if (start >= text_.size()) return start;
    if (text_[start] == '"' || text_[start] == '\'') return quoted_end(text_, start);
    uint32_t from = content_start(text_, start);
    if (value.empty()) return text_[start] == '|' || text_[start] == '>' ? std::max(start, from - 1) : start;
    EmbeddedText mapped = align(text_, from, static_cast<uint32_t>(text_.size()), value);
    // One past the last byte of the value that was found in the file.
    uint32_t last = from;
    for (size_t i = 0; i + 1 < mapped.outer.size(); ++i) {
      uint32_t at = mapped.outer[i];
      if (at < text_.size() && text_[at] == value[i]) last = at + 1;
    }
    return last;
  }

  static Kind scalar_kind(const std::string& tag, const std::string& value) {
    if (tag != "?" && tag != "tag:yaml.org,2002:int" && tag != "tag:yaml.org,2002:float" &&
        tag != "tag:yaml.org,2002:bool" && tag != "tag:yaml.org,2002:null")
      return Kind::String;  // quoted, a block scalar, !!str, or the argument of a short-form tag
    if (is_null_word(value)) return Kind::Null;
    if (is_true_word(value)) return Kind::True;
    if (is_false_word(value)) return Kind::False;
    if (is_json_number(value)) return Kind::Number;
    return Kind::String;
  }

  // A short-form tag becomes its long form around the node: !Ref X -> {"Ref": X}.
  JsonNode wrap(const std::string& tag, uint32_t at, JsonNode inner) const {
    auto key = intrinsic_key(tag);
    if (!key) return inner;
    JsonNode outer;
    outer.kind = Kind::Object;
    outer.begin = at;
    outer.end = std::max(inner.end, tag_end(at));
    outer.keys.push_back({*key, at, tag_end(at)});
    outer.items.push_back(std::move(inner));
    return outer;
  }

  void open(Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::EmitterStyle::value style) {
    uint32_t at = pos(mark);
    if (awaiting_key()) throw Stop{"a mapping key must be a string", at};
    // Each level may also gain a wrapping object for its tag: keep the tree within JSON's depth.
    if (stack_.size() >= static_cast<size_t>(kMaxJsonDepth / 2)) {
      throw Stop{fmt::format("YAML nested deeper than {} levels", kMaxJsonDepth / 2), at};
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.begin = value_start(text_, at);
    frame.node.end = frame.node.begin;
    frame.flow = style == YAML::EmitterStyle::Flow;
    frame.tag = tag;
    frame.tag_at = at;
    uint32_t begin = frame.node.begin;
    bool bracket = begin < text_.size() && (text_[begin] == '[' || text_[begin] == '{');
    last_end_ = bracket ? begin + 1 : begin;
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    uint32_t end = std::max(last_end_, frame.node.begin);
    if (frame.flow) {  // past the closing bracket, over blanks, commas and comments
      char closing = frame.node.is_object() ? '}' : ']';
      uint32_t p = end;
      while (p < text_.size()) {
        if (text_[p] == '#') {
          while (p < text_.size() && text_[p] != '\n') ++p;
        } else if (blank(text_[p]) || text_[p] == ',') {
          ++p;
        } else {
          break;
        }
      }
      if (p < text_.size() && text_[p] == closing) end = p + 1;
    }
    frame.node.end = end;
    attach(wrap(frame.tag, frame.tag_at, std::move(frame.node)));
  }

  void attach(JsonNode node) {
    last_end_ = std::max(last_end_, node.end);
    if (stack_.empty()) {
      if (!root) root = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.is_object()) {
      if (!top.key) return;  // unreachable: a value without a key is refused where it starts
      top.node.keys.push_back(std::move(*top.key));
      top.key.reset();
    }
    top.node.items.push_back(std::move(node));
  }

  std::string_view text_;
  uint32_t shift_;
  std::vector<Frame> stack_;
  uint32_t last_end_ = 0;
};

}  // namespace

JsonParseResult parse_yaml(std::string_view text) {
  JsonParseResult result;
  std::istringstream in{std::string(text)};
  TreeHandler handler(text);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(handler);  // a template is one document; later ones are not read
  } catch (const Stop& stop) {
    result.error = stop.message;
    result.error_offset = stop.offset;
    return result;
  } catch (const YAML::Exception& e) {
    result.error = fmt::format("invalid YAML: {}", e.msg);
    uint32_t offset = e.mark.is_null() || e.mark.pos < 0 ? 0 : static_cast<uint32_t>(e.mark.pos) + bom_size(text);
    result.error_offset = std::min(offset, static_cast<uint32_t>(text.size()));
    return result;
  }
  if (!handler.root) {
    result.error = "empty YAML document";
    return result;
  }
  result.root = std::move(handler.root);
  return result;
}

EmbeddedText yaml_string_text(const SourceFile& file, const JsonNode& node) {
  std::string_view text = file.text();
  uint32_t end = std::min(node.end, static_cast<uint32_t>(text.size()));
  uint32_t from = content_start(text, std::min(node.begin, end));
  return align(text, std::min(from, end), end, node.text);
}

}  // namespace mfalint::input
