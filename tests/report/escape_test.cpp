// The shared escaping every XML, HTML and JSON report relies on, and the rule-document Markdown
// the HTML report converts.
#include "report/escape.h"
#include "report/doc_html.h"

#include <gtest/gtest.h>

namespace mfalint::report {
namespace {

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

TEST(Escape, ValidUtf8KeepsGoodSequencesAndReplacesEachBadByte) {
  EXPECT_EQ(valid_utf8("plain ü → 🔐"), "plain ü → 🔐");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), std::string(kFffd) + std::string(kFffd));                           // overlong '/'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), std::string(kFffd) + std::string(kFffd) + std::string(kFffd));  // a surrogate
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80").substr(0, 3), kFffd);                             // beyond U+10FFFF
  EXPECT_EQ(valid_utf8("end\xE2\x82"), "end" + std::string(kFffd) + std::string(kFffd));     // cut short
  EXPECT_EQ(valid_utf8(std::string_view("nul\0bell\a", 9)), std::string("nul\0bell\a", 9));  // valid, kept for JSON
}

TEST(Escape, PrintableDropsWhatXmlCannotCarry) {
  EXPECT_EQ(printable("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
  EXPECT_EQ(printable(std::string_view("a\0b\x1b", 4)), "a" + std::string(kFffd) + "b" + std::string(kFffd));
  EXPECT_EQ(printable("\xEF\xBF\xBE"), kFffd);           // U+FFFE
  EXPECT_EQ(printable("\x7f\xC2\x85"), "\x7f\xC2\x85");  // DEL and C1 controls are allowed in XML 1.0
}

TEST(Escape, XmlTextAndAttributes) {
  EXPECT_EQ(xml_escape(R"(<a href="x">'&'</a>)"), R"(&lt;a href="x"&gt;'&amp;'&lt;/a&gt;)");
  EXPECT_EQ(xml_escape("\"'\n\t\r", XmlPlace::Attribute), "&quot;&#39;&#10;&#9;&#13;");
  EXPECT_EQ(xml_escape("]]>"), "]]&gt;");
}

TEST(DocHtml, ParagraphsListsCodeAndBold) {
  EXPECT_EQ(
      doc_html("One `a<b` and **bold** & more\nsame paragraph.\n\n- item `x`\n- two\n\n```json\n{\"a\": \"<\"}\n```\n"),
      "<p>One <code>a&lt;b</code> and <strong>bold</strong> &amp; more\nsame paragraph.</p>\n"
      "<ul>\n<li>item <code>x</code></li>\n<li>two</li>\n</ul>\n"
      "<pre><code>{\"a\": \"&lt;\"}\n</code></pre>\n");
  EXPECT_EQ(doc_html("a lone ` and ** stay"), "<p>a lone ` and ** stay</p>\n");
}

}  // namespace
}  // namespace mfalint::report
