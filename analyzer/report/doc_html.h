#pragma once
// Rule documents are Markdown; the HTML report shows their "Why" and "Use instead" sections. They
// use a small subset, which is all this converts: paragraphs, "- " lists, ``` fenced code, `code`
// and **bold**. Everything else comes out as the literal, escaped text.

#include <string>
#include <string_view>

namespace mfalint::report {

std::string doc_html(std::string_view markdown);

}  // namespace mfalint::report
