#pragma once
// Making user text safe for an output format. Paths and messages carry bytes from the user: a file
// name need not be UTF-8, a Sid may hold control characters. JSON, XML and HTML each reject some of
// these, and one wrong byte makes a CI system drop the whole report.

#include <string>
#include <string_view>

namespace mfalint::report {

// `text` with every invalid UTF-8 sequence (stray or overlong bytes, surrogates, beyond U+10FFFF)
// replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// valid_utf8, and also the characters XML 1.0 cannot carry even as references (C0 controls other
// than tab, line feed and carriage return; U+FFFE, U+FFFF) replaced by U+FFFD.
std::string printable(std::string_view text);

enum class XmlPlace { Text, Attribute };

// `text` as XML or HTML character data: printable, with & < > as references. In an attribute
// value (always written in double quotes) " and ' too, and tab and line breaks, so that
// attribute-value normalization keeps them.
std::string xml_escape(std::string_view text, XmlPlace place = XmlPlace::Text);

}  // namespace mfalint::report
