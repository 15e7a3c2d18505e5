#include "report/doc_html.h"

#include "report/escape.h"

namespace mfalint::report {
namespace {

// `code` spans and **bold**, the rest escaped.
std::string inline_html(std::string_view line) {
  std::string out;
  bool bold = false;
  while (!line.empty()) {
    if (line.starts_with("`")) {
      auto end = line.find('`', 1);
      if (end != std::string_view::npos) {
        out += "<code>" + xml_escape(line.substr(1, end - 1)) + "</code>";
        line.remove_prefix(end + 1);
        continue;
      }
    }
    if (line.starts_with("**") && (bold || line.find("**", 2) != std::string_view::npos)) {
      out += bold ? "</strong>" : "<strong>";
      bold = !bold;
      line.remove_prefix(2);
      continue;
    }
    auto next = line.find_first_of("`*", 1);
    out += xml_escape(line.substr(0, next));
    line.remove_prefix(next == std::string_view::npos ? line.size() : next);
  }
  return out;
}

enum class Block { None, Paragraph, List, Code };

const char* closing(Block block) {
  switch (block) {
    case Block::Paragraph: return "</p>\n";
    case Block::List: return "</ul>\n";
    case Block::Code: return "</code></pre>\n";
    case Block::None: break;
  }
  return "";
}

}  // namespace

std::string doc_html(std::string_view markdown) {
  std::string out;
  Block block = Block::None;
  auto enter = [&](Block wanted, const char* opening) {
    if (block == wanted) return false;
    out += closing(block);
    out += opening;
    block = wanted;
    return true;
  };
  while (!markdown.empty()) {
    auto eol = markdown.find('\n');
    std::string_view line = markdown.substr(0, eol);
    markdown.remove_prefix(eol == std::string_view::npos ? markdown.size() : eol + 1);
    if (line.starts_with("```")) {
      if (block == Block::Code) {
        out += closing(block);
        block = Block::None;
      } else {
        enter(Block::Code, "<pre><code>");
      }
    } else if (block == Block::Code) {
      out += xml_escape(line) + "\n";
    } else if (line.find_first_not_of(' ') == std::string_view::npos) {
      out += closing(block);
      block = Block::None;
    } else if (line.starts_with("- ") || line.starts_with("* ")) {
      enter(Block::List, "<ul>\n");
      out += "<li>" + inline_html(line.substr(2)) + "</li>\n";
    } else {
      if (!enter(Block::Paragraph, "<p>")) out += "\n";
      out += inline_html(line);
    }
  }
  return out + closing(block);
}

}  // namespace mfalint::report
