#include "input/hcl.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>

namespace mfalint::input::hcl {

const Attribute* Block::attribute(std::string_view name) const {
  for (const auto& attribute : attributes) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

namespace {

struct Stop {
  std::string message;
  size_t at;  // index into the text being read
  size_t resume_at = 0;  // where reading may go on, when after the next line (an unclosed comment: the end)
};

bool id_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool id_continue(unsigned char c) { return id_start(c) || std::isdigit(c) || c == '-'; }

std::string shown(std::string_view text, size_t at) {
  if (at >= text.size()) return "end of file";
  unsigned char c = static_cast<unsigned char>(text[at]);
  if (c == '\n') return "end of line";
  if (c < 0x20 || c >= 0x7f) return fmt::format("byte 0x{:02x}", c);
  return fmt::format("`{}`", static_cast<char>(c));
}

// Where a template ends: a quoted string at its closing quote (escapes apply, a line break is an
// error), a heredoc at its closing marker's line, a bare template at the end of the text.
enum class TemplateMode : uint8_t { Quoted, Heredoc, Bare };

class Parser {
 public:
  Parser(std::string_view text, const std::vector<uint32_t>* outer) : text_(text), outer_(outer) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  File file() {
    File out;
    for (;;) {
      size_t start = pos_;
      try {
        skip_space(true);  // throws on a `/*` comment never closed
        if (pos_ >= text_.size()) break;
        start = pos_;
        if (peek() == '}') throw Stop{"unexpected `}`: no block is open here", pos_};
        item(out.body);
      } catch (const Stop& stop) {
        out.errors.push_back({stop.message, offset(stop.at)});
        depth_ = 0;
        recover(std::max({stop.at, start + 1, stop.resume_at}));
      }
    }
    return out;
  }

  Expr bare_template() {
    size_t start = pos_;
    try {
      return template_body(TemplateMode::Bare, text_.size(), 0, start);
    } catch (const Stop&) {
      Expr other;
      other.begin = offset(start);
      other.end = offset(text_.size());
      return other;
    }
  }

 private:
  uint32_t offset(size_t at) const {
    at = std::min(at, text_.size());
    return outer_ ? (*outer_)[at] : static_cast<uint32_t>(at);
  }
  char peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  bool at_end() const { return pos_ >= text_.size(); }
  bool starts(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  [[noreturn]] void fail(std::string message) const { throw Stop{std::move(message), pos_}; }
  void expect(char c, std::string_view what) {
    if (peek() != c || at_end()) fail(fmt::format("expected `{}` {}, found {}", c, what, shown(text_, pos_)));
    ++pos_;
  }

  struct Nested {
    explicit Nested(Parser& parser) : parser_(parser) {
      if (++parser_.depth_ > kMaxHclDepth) parser_.fail(fmt::format("nested deeper than {} levels", kMaxHclDepth));
    }
    ~Nested() { --parser_.depth_; }
    Parser& parser_;
  };

  // Spaces and comments; line breaks too when `newlines` (inside brackets, between items).
  void skip_space(bool newlines) {
    while (!at_end()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
        ++pos_;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (!at_end() && peek() != '\n') ++pos_;
      } else if (c == '/' && peek(1) == '*') {
        size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) throw Stop{"unterminated `/*` comment", pos_, text_.size()};
        pos_ = close + 2;
      } else {
        return;
      }
    }
  }

  // After an error, the next line that starts with a name at its first column: the next block.
  void recover(size_t from) {
    pos_ = from;
    while (!at_end()) {
      size_t newline = text_.find('\n', pos_);
      if (newline == std::string_view::npos) {
        pos_ = text_.size();
        return;
      }
      pos_ = newline + 1;
      if (!at_end() && id_start(static_cast<unsigned char>(peek()))) return;
    }
  }

  std::string identifier() {
    size_t start = pos_;
    if (!id_start(static_cast<unsigned char>(peek())) || at_end()) {
      fail(fmt::format("expected a name, found {}", shown(text_, pos_)));
    }
    while (!at_end() && id_continue(static_cast<unsigned char>(peek()))) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  // An attribute (`name = value`) or a block (`type "label" { ... }`), ending its line.
  void item(Block& into) {
    size_t start = pos_;
    std::string name = identifier();
    size_t name_end = pos_;
    skip_space(false);
    if (peek() == '=' && peek(1) != '=') {
      ++pos_;
      skip_space(false);
      Attribute attribute{std::move(name), offset(start), offset(name_end), expression(false)};
      into.attributes.push_back(std::move(attribute));
    } else {
      Block block;
      block.type = std::move(name);
      block.begin = offset(start);
      block.header_end = offset(name_end);
      while (peek() == '"' || (id_start(static_cast<unsigned char>(peek())) && !at_end())) {
        if (peek() == '"') {
          Expr label = expression(false);
          if (label.kind != Expr::Kind::Template || label.parts.size() > 1 ||
              (label.parts.size() == 1 && label.parts[0].is_interpolation())) {
            throw Stop{"a block label must be a plain string", pos_};
          }
          block.labels.push_back(label.parts.empty() ? "" : label.parts[0].literal.text);
        } else {
          block.labels.push_back(identifier());
        }
        block.header_end = offset(pos_);
        skip_space(false);
      }
      if (peek() != '{') {
        fail(fmt::format("expected `=` or `{{` after `{}`, found {}", block.type, shown(text_, pos_)));
      }
      ++pos_;
      {
        Nested nested(*this);
        for (;;) {
          skip_space(true);
          if (at_end()) throw Stop{fmt::format("the `{}` block is not closed: `}}` expected before the end of the file", block.type), start};
          if (peek() == '}') break;
          item(block);
        }
      }
      ++pos_;
      block.end = offset(pos_);
      into.blocks.push_back(std::move(block));
    }
    skip_space(false);
    if (!at_end() && peek() != '\n' && peek() != '}') {
      fail(fmt::format("expected a line break after `{}`, found {}", text_.substr(start, name_end - start),
                       shown(text_, pos_)));
    }
  }

  Expr other(size_t start) const {
    Expr expr;
    expr.begin = offset(start);
    expr.end = offset(pos_);
    return expr;
  }

  // Expression = Conditional | binary operations of unary terms. Only plain terms keep their
  // shape; an operation is `Other`.
  Expr expression(bool multiline) {
    Nested nested(*this);
    size_t start = pos_;
    Expr first = operation(multiline);
    size_t before = pos_;
    skip_space(multiline);
    if (peek() == '?') {
      ++pos_;
      skip_space(true);
      expression(true);
      skip_space(true);
      expect(':', "between a conditional's results");
      skip_space(true);
      expression(multiline);
      return other(start);
    }
    pos_ = before;
    return first;
  }

  size_t binary_operator() const {
    static constexpr std::string_view kOperators[] = {"||", "&&", "==", "!=", "<=", ">=", "<", ">",
                                                      "+",  "-",  "*",  "/",  "%"};
    for (auto op : kOperators) {
      if (!starts(op)) continue;
      if (op == "<" && starts("<<")) return 0;
      if (op == "/" && (starts("//") || starts("/*"))) return 0;
      return op.size();
    }
    return 0;
  }

  Expr operation(bool multiline) {
    size_t start = pos_;
    Expr result = unary(multiline);
    bool combined = false;
    for (;;) {
      size_t before = pos_;
      skip_space(multiline);
      size_t length = binary_operator();
      if (length == 0) {
        pos_ = before;
        break;
      }
      pos_ += length;
      skip_space(true);
      unary(multiline);
      combined = true;
    }
    return combined ? other(start) : result;
  }

  Expr unary(bool multiline) {
    Nested nested(*this);
    size_t start = pos_;
    if (peek() == '!' || (peek() == '-' && !std::isdigit(static_cast<unsigned char>(peek(1))))) {
      ++pos_;
      skip_space(false);
      unary(multiline);
      return other(start);
    }
    return postfix(primary());
  }

  Expr postfix(Expr base) {
    size_t start = pos_;
    uint32_t begin = base.begin;
    bool plain = base.kind == Expr::Kind::Reference;
    for (;;) {
      if (peek() == '.' && peek(1) == '*') {
        pos_ += 2;
        plain = false;
      } else if (peek() == '.' && std::isdigit(static_cast<unsigned char>(peek(1)))) {
        ++pos_;
        size_t digits = pos_;
        while (std::isdigit(static_cast<unsigned char>(peek())) && !at_end()) ++pos_;
        base.path.emplace_back(text_.substr(digits, pos_ - digits));
      } else if (peek() == '.' && id_start(static_cast<unsigned char>(peek(1)))) {
        ++pos_;
        base.path.push_back(identifier());
      } else if (peek() == '[') {
        ++pos_;
        skip_space(true);
        if (peek() == '*') {
          ++pos_;
          plain = false;
        } else {
          Expr index = expression(true);
          bool literal = index.kind == Expr::Kind::Number ||
                         (index.kind == Expr::Kind::Template && index.parts.size() == 1 && !index.parts[0].is_interpolation());
          if (literal) base.path.push_back(index.kind == Expr::Kind::Number ? index.text : index.parts[0].literal.text);
          else plain = false;
        }
        skip_space(true);
        expect(']', "to close the index");
      } else {
        break;
      }
    }
    if (pos_ == start) return base;
    if (!plain) {
      Expr result = other(start);
      result.begin = begin;
      return result;
    }
    base.end = offset(pos_);
    return base;
  }

  Expr primary() {
    size_t start = pos_;
    char c = peek();
    if (at_end()) fail("expected an expression, found end of file");
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '-' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
      return number();
    }
    if (c == '"') {
      ++pos_;
      Expr result = template_body(TemplateMode::Quoted, text_.size(), 0, start);
      return result;
    }
    if (c == '<' && peek(1) == '<') return heredoc();
    if (c == '[') return tuple();
    if (c == '{') return object();
    if (c == '(') {
      ++pos_;
      skip_space(true);
      Expr inner = expression(true);
      skip_space(true);
      expect(')', "to close the parenthesis");
      return inner;
    }
    if (id_start(static_cast<unsigned char>(c))) {
      std::string name = identifier();
      while (starts("::") && id_start(static_cast<unsigned char>(peek(2)))) {  // provider::aws::arn_parse
        pos_ += 2;
        name += "::" + identifier();
      }
      Expr expr;
      expr.begin = offset(start);
      if (name == "true" || name == "false") {
        expr.kind = Expr::Kind::Bool;
        expr.text = name;
      } else if (name == "null") {
        expr.kind = Expr::Kind::Null;
      } else if (peek() == '(') {
        return call(std::move(name), start);
      } else {
        expr.kind = Expr::Kind::Reference;
        expr.path.push_back(std::move(name));
      }
      expr.end = offset(pos_);
      return expr;
    }
    fail(fmt::format("expected an expression, found {}", shown(text_, pos_)));
  }

  Expr number() {
    size_t start = pos_;
    if (peek() == '-') ++pos_;
    auto digits = [&] {
      while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
    };
    digits();
    if (peek() == '.' && std::isdigit(static_cast<unsigned char>(peek(1)))) {
      ++pos_;
      digits();
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (std::isdigit(static_cast<unsigned char>(peek(1))) ||
         ((peek(1) == '+' || peek(1) == '-') && std::isdigit(static_cast<unsigned char>(peek(2)))))) {
      pos_ += 2;
      digits();
    }
    Expr expr;
    expr.kind = Expr::Kind::Number;
    expr.text = std::string(text_.substr(start, pos_ - start));
    expr.begin = offset(start);
    expr.end = offset(pos_);
    return expr;
  }

  bool keyword_for() const {
    return starts("for") && (peek(3) == ' ' || peek(3) == '\t' || peek(3) == '\n' || peek(3) == '\r');
  }

  // A `for` expression is kept as `Other`: its brackets are matched, strings inside skipped.
  Expr skip_for(char close, size_t start) {
    int depth = 1;
    while (!at_end()) {
      char c = peek();
      if (c == '"') {
        ++pos_;
        template_body(TemplateMode::Quoted, text_.size(), 0, pos_ - 1);
        continue;
      }
      if (c == '[' || c == '{' || c == '(') ++depth;
      if (c == ']' || c == '}' || c == ')') --depth;
      ++pos_;
      if (depth == 0) {
        if (c != close) {
          --pos_;
          fail(fmt::format("expected `{}` to close the `for` expression, found {}", close, shown(text_, pos_)));
        }
        return other(start);
      }
    }
    fail("the `for` expression is not closed");
  }

  Expr tuple() {
    size_t start = pos_;
    ++pos_;
    skip_space(true);
    if (keyword_for()) return skip_for(']', start);
    Expr expr;
    expr.kind = Expr::Kind::Tuple;
    while (peek() != ']' || at_end()) {
      expr.items.push_back(expression(true));
      skip_space(true);
      if (peek() == ',') {
        ++pos_;
        skip_space(true);
      } else if (peek() != ']') {
        fail(fmt::format("expected `,` or `]` in the list, found {}", shown(text_, pos_)));
      }
    }
    ++pos_;
    expr.begin = offset(start);
    expr.end = offset(pos_);
    return expr;
  }

  Expr object() {
    size_t start = pos_;
    ++pos_;
    skip_space(true);
    if (keyword_for()) return skip_for('}', start);
    Expr expr;
    expr.kind = Expr::Kind::Object;
    while (peek() != '}' || at_end()) {
      expr.keys.push_back(object_key());
      skip_space(false);
      if ((peek() == '=' && peek(1) != '=') || peek() == ':') {
        ++pos_;
      } else {
        fail(fmt::format("expected `=` or `:` after the object key, found {}", shown(text_, pos_)));
      }
      skip_space(false);
      expr.items.push_back(expression(false));
      skip_space(false);
      if (peek() == ',' || peek() == '\n') {
        ++pos_;
        skip_space(true);
      } else if (peek() != '}') {
        fail(fmt::format("expected `,`, a line break or `}}` in the object, found {}", shown(text_, pos_)));
      }
    }
    ++pos_;
    expr.begin = offset(start);
    expr.end = offset(pos_);
    return expr;
  }

  // A bare name is the key itself (`Effect = ...`), not a reference.
  Expr object_key() {
    size_t start = pos_;
    if (id_start(static_cast<unsigned char>(peek())) && !at_end()) {
      std::string name = identifier();
      size_t after = pos_;
      skip_space(false);
      bool bare = (peek() == '=' && peek(1) != '=') || peek() == ':';
      pos_ = after;
      if (bare) {
        Expr key;
        key.kind = Expr::Kind::Template;
        key.begin = offset(start);
        key.end = offset(pos_);
        TemplatePart part;
        part.literal.text = name;
        for (size_t i = start; i <= pos_; ++i) part.literal.outer.push_back(offset(i));
        key.parts.push_back(std::move(part));
        return key;
      }
      pos_ = start;
    }
    return expression(false);
  }

  Expr call(std::string name, size_t start) {
    ++pos_;  // (
    Expr expr;
    expr.kind = Expr::Kind::Call;
    expr.text = std::move(name);
    bool expanded = false;
    skip_space(true);
    while (peek() != ')' || at_end()) {
      expr.items.push_back(expression(true));
      skip_space(true);
      if (starts("...")) {
        pos_ += 3;
        expanded = true;
        skip_space(true);
      }
      if (peek() == ',') {
        ++pos_;
        skip_space(true);
      } else if (peek() != ')') {
        fail(fmt::format("expected `,` or `)` after the argument of {}(), found {}", expr.text, shown(text_, pos_)));
      }
    }
    ++pos_;
    if (expanded) return other(start);
    expr.begin = offset(start);
    expr.end = offset(pos_);
    return expr;
  }

  Expr heredoc() {
    size_t start = pos_;
    pos_ += 2;
    bool indented = peek() == '-';
    if (indented) ++pos_;
    std::string marker = identifier();
    if (peek() == '\r') ++pos_;
    if (peek() != '\n') fail(fmt::format("expected a line break after `<<{}{}`", indented ? "-" : "", marker));
    ++pos_;
    size_t content = pos_;
    // The closing line holds the marker alone, indented or not.
    size_t line = content, close = std::string_view::npos, after = 0;
    size_t indent = std::string_view::npos;
    while (line < text_.size()) {
      size_t newline = text_.find('\n', line);
      size_t line_end = newline == std::string_view::npos ? text_.size() : newline;
      std::string_view body = text_.substr(line, line_end - line);
      if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
      size_t spaces = body.find_first_not_of(" \t");
      if (spaces != std::string_view::npos && body.substr(spaces) == marker) {
        close = line;
        after = line + spaces + marker.size();
        break;
      }
      if (spaces != std::string_view::npos) indent = std::min(indent, spaces);
      line = newline == std::string_view::npos ? text_.size() : newline + 1;
    }
    if (close == std::string_view::npos) fail(fmt::format("the heredoc `<<{}` has no closing `{}` line", marker, marker));
    pos_ = content;
    Expr expr = template_body(TemplateMode::Heredoc, close, indented && indent != std::string_view::npos ? indent : 0, start);
    pos_ = after;
    expr.end = offset(pos_);
    return expr;
  }

  // The parts of a template from pos_ to `stop` (exclusive; a quoted template stops at its quote).
  Expr template_body(TemplateMode mode, size_t stop, size_t indent, size_t start) {
    Expr expr;
    expr.kind = Expr::Kind::Template;
    expr.begin = offset(start);
    TemplatePart literal;
    auto flush = [&] {
      if (literal.literal.text.empty()) return;
      literal.literal.outer.push_back(offset(pos_));
      expr.parts.push_back(std::move(literal));
      literal = TemplatePart{};
    };
    auto add = [&](std::string_view bytes, size_t from) {
      for (char b : bytes) {
        literal.literal.text.push_back(b);
        literal.literal.outer.push_back(offset(from));
      }
    };
    bool line_start = mode == TemplateMode::Heredoc;
    for (;;) {
      if (line_start && indent > 0) {
        size_t skipped = 0;
        while (skipped < indent && pos_ < stop && (peek() == ' ' || peek() == '\t')) {
          ++pos_;
          ++skipped;
        }
      }
      line_start = false;
      if (pos_ >= stop) {
        if (mode == TemplateMode::Quoted) fail("unterminated string: expected `\"`");
        flush();
        break;
      }
      char c = peek();
      if (mode == TemplateMode::Quoted && c == '"') {
        flush();
        ++pos_;
        break;
      }
      if (mode == TemplateMode::Quoted && c == '\n') fail("unterminated string: a quoted string ends on its line");
      if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {  // $${ and %%{ are literal
        add(text_.substr(pos_ + 1, 2), pos_);
        pos_ += 3;
        continue;
      }
      if ((c == '$' || c == '%') && peek(1) == '{') {
        flush();
        size_t open = pos_;
        pos_ += 2;
        TemplatePart part;
        if (c == '%') {  // a directive (`if`, `for`, ...): what it produces is not known
          while (!at_end() && peek() != '}') ++pos_;
          expect('}', "to close the directive");
          part.interpolation.push_back(other(open));
        } else {
          if (peek() == '~') ++pos_;
          skip_space(true);
          part.interpolation.push_back(expression(true));
          skip_space(true);
          if (peek() == '~') ++pos_;
          expect('}', "to close the interpolation");
        }
        expr.parts.push_back(std::move(part));
        if (pos_ > stop) fail("an interpolation runs past the end of its template");
        continue;
      }
      if (mode == TemplateMode::Quoted && c == '\\') {
        size_t from = pos_;
        std::string decoded = escape();
        add(decoded, from);
        continue;
      }
      add(text_.substr(pos_, 1), pos_);
      ++pos_;
      if (c == '\n') line_start = true;
    }
    expr.end = offset(pos_);
    return expr;
  }

  // The bytes a backslash escape in a quoted string stands for; pos_ is at the backslash.
  std::string escape() {
    char c = peek(1);
    pos_ += 2;
    switch (c) {
      case 'n': return "\n";
      case 'r': return "\r";
      case 't': return "\t";
      case '"': return "\"";
      case '\\': return "\\";
      case 'u':
      case 'U': break;
      default:
        pos_ -= 2;
        fail(fmt::format("unknown escape `\\{}` in a string", c == '\n' || c == '\0' ? ' ' : c));
    }
    size_t digits = c == 'u' ? 4 : 8;
    uint32_t code = 0;
    for (size_t i = 0; i < digits; ++i, ++pos_) {
      char h = peek();
      int value = std::isdigit(static_cast<unsigned char>(h)) ? h - '0'
                  : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                  : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
      if (value < 0 || at_end()) fail("expected hexadecimal digits in a `\\u` escape");
      code = code * 16 + static_cast<uint32_t>(value);
    }
    if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) fail("the `\\u` escape is not a Unicode character");
    std::string out;
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
    return out;
  }

  std::string_view text_;
  const std::vector<uint32_t>* outer_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

File parse(std::string_view text, const std::vector<uint32_t>* outer) { return Parser(text, outer).file(); }

Expr parse_template(std::string_view text, const std::vector<uint32_t>* outer) {
  return Parser(text, outer).bare_template();
}

}  // namespace mfalint::input::hcl
