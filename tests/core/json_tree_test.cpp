#include "core/json_tree.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>

namespace mfalint {
namespace {

TEST(JsonTree, RecordsWhereEachValueStartsAndEnds) {
  std::string text = "{\"a\": [1, \"xy\"],\n \"b\": {\"c\": null}}";
  auto parsed = parse_json(text);
  ASSERT_TRUE(parsed.root) << parsed.error;
  const JsonNode& root = *parsed.root;
  EXPECT_EQ(root.begin, 0u);
  EXPECT_EQ(root.end, text.size());
  const JsonNode* a = root.find("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(text.substr(a->begin, a->end - a->begin), "[1, \"xy\"]");
  EXPECT_EQ(text.substr(a->items[1].begin, a->items[1].end - a->items[1].begin), "\"xy\"");
  EXPECT_EQ(a->items[0].text, "1");
  const JsonNode* b = root.find("b");
  EXPECT_EQ(text.substr(b->begin, b->end - b->begin), "{\"c\": null}");
  EXPECT_EQ(text.substr(root.keys[1].begin, root.keys[1].end - root.keys[1].begin), "\"b\"");
}

// White space is skipped sixteen bytes at a time: runs of every length up to three blocks, of
// every white-space character, before and after keys, values and separators, and at the end.
TEST(JsonTree, ValuesStartWhereverTheWhiteSpaceBeforeThemEnds) {
  const std::string kinds = " \n\r\t";
  for (size_t length = 0; length <= 49; ++length) {
    std::string ws;
    for (size_t i = 0; i < length; ++i) ws += kinds[(i + length) % kinds.size()];
    std::string text = ws + "{" + ws + "\"k\"" + ws + ":" + ws + "[" + ws + "\"v\"" + ws + "," + ws + "12" + ws + "," + ws +
                       "true" + ws + "]" + ws + "}" + ws;
    auto parsed = parse_json(text);
    ASSERT_TRUE(parsed.root) << parsed.error << " with " << length << " white-space bytes";
    auto written = [&](uint32_t begin, uint32_t end) { return text.substr(begin, end - begin); };
    const JsonNode& root = *parsed.root;
    EXPECT_EQ(root.begin, length);
    EXPECT_EQ(written(root.keys[0].begin, root.keys[0].end), "\"k\"") << length;
    const JsonNode& list = root.items[0];
    EXPECT_EQ(list.begin, text.find('[')) << length;
    ASSERT_EQ(list.items.size(), 3u);
    EXPECT_EQ(written(list.items[0].begin, list.items[0].end), "\"v\"") << length;
    EXPECT_EQ(written(list.items[1].begin, list.items[1].end), "12") << length;
    EXPECT_EQ(written(list.items[2].begin, list.items[2].end), "true") << length;
  }
}

// The reader peeks without bounds checks, relying on the string's terminating NUL: documents that
// end in the middle of every kind of token are refused (or read, when complete) without reading
// past it. The sanitizer build (docs/hardening.md) is what sees a read past the end.
TEST(JsonTree, DocumentsCutOffAnywhereEndAtTheirEnd) {
  for (std::string text : {"\"\xC3", "\"\xE2\x9C", "\"\xF0\x9F\x98", "\"\xF0", "{\"a\": \"x\xF0", "\"\\u12",
                           "\"\\", "tru", "nul", "-", "1e", "1.", "[1,", "{\"a\"", "{\"a\":", "\xEF\xBB\xBF", ""}) {
    EXPECT_FALSE(parse_json(text).root) << text;
  }
  EXPECT_EQ(parse_json("12").root->text, "12");
  EXPECT_EQ(parse_json("\"\xC3\xA9\"").root->text, "\xC3\xA9");
}

// Each container gets its children when it closes, from lists the thread reuses: a document must
// not see what a previous one (even one that failed half-way) left in them.
TEST(JsonTree, NestedContainersKeepTheirOwnChildrenFromDocumentToDocument) {
  EXPECT_FALSE(parse_json(R"({"a": [1, 2, {"b": [3, 4)").root);
  auto parsed = parse_json(R"({"x": [[], [5, [6, 7], 8], {}], "y": {"z": [9]}, "w": 10})");
  ASSERT_TRUE(parsed.root) << parsed.error;
  const JsonNode& root = *parsed.root;
  ASSERT_EQ(root.keys.size(), 3u);
  EXPECT_EQ(root.keys[2].name, "w");
  EXPECT_EQ(root.items[2].text, "10");
  const JsonNode& x = *root.find("x");
  ASSERT_EQ(x.items.size(), 3u);
  EXPECT_TRUE(x.items[0].items.empty());
  ASSERT_EQ(x.items[1].items.size(), 3u);
  EXPECT_EQ(x.items[1].items[1].items[1].text, "7");
  EXPECT_EQ(x.items[1].items[2].text, "8");
  EXPECT_TRUE(x.items[2].is_object() && x.items[2].keys.empty());
  const JsonNode& y = *root.find("y");
  ASSERT_EQ(y.keys.size(), 1u);
  EXPECT_EQ(y.keys[0].name, "z");
  EXPECT_EQ(y.items[0].items.at(0).text, "9");
}

TEST(JsonTree, KeepsDuplicateKeysInOrder) {
  auto parsed = parse_json(R"({"k": 1, "k": 2})");
  ASSERT_TRUE(parsed.root);
  ASSERT_EQ(parsed.root->keys.size(), 2u);
  EXPECT_EQ(parsed.root->items[1].text, "2");
  EXPECT_EQ(parsed.root->find("k")->text, "1");
}

TEST(JsonTree, NumbersKeepTheirDigits) {
  auto parsed = parse_json(R"([600, 1.50, -0])");
  ASSERT_TRUE(parsed.root);
  EXPECT_EQ(parsed.root->items[1].text, "1.50");
  EXPECT_EQ(parsed.root->items[2].text, "-0");
}

TEST(JsonTree, AcceptsAByteOrderMarkAndKeepsFileOffsets) {
  std::string text = "\xEF\xBB\xBF{\"a\": 1}";
  auto parsed = parse_json(text);
  ASSERT_TRUE(parsed.root) << parsed.error;
  EXPECT_EQ(parsed.root->begin, 3u);
}

TEST(JsonTree, RefusesDeepNestingWithoutOverflowingTheStack) {
  std::string text(300000, '[');
  text += std::string(300000, ']');
  auto parsed = parse_json(text);
  EXPECT_FALSE(parsed.root);
  EXPECT_NE(parsed.error.find("nested deeper"), std::string::npos);
  EXPECT_EQ(parsed.error_offset, static_cast<uint32_t>(kMaxJsonDepth));
}

TEST(JsonTree, RejectsInvalidUtf8) {
  auto parsed = parse_json("{\"a\": \"\xff\"}");
  EXPECT_FALSE(parsed.root);
  EXPECT_NE(parsed.error.find("encoding"), std::string::npos);
}

TEST(JsonTree, ReportsWhereSyntaxBreaks) {
  auto parsed = parse_json("{\"a\": 1,}");
  EXPECT_FALSE(parsed.root);
  EXPECT_EQ(parsed.error_offset, 8u);
}

TEST(JsonTree, DecodedStringsMapBackToTheFile) {
  // A policy inside a JSON string, as Terraform plans and raw IAM API answers hold it.
  SourceFile file("plan.json", R"({"policy": "{\"Effect\":\n\"Allow\"}"})");
  auto outer = parse_json(file.text());
  ASSERT_TRUE(outer.root);
  const JsonNode* policy = outer.root->find("policy");
  EmbeddedText embedded = decode_json_string(file, policy->begin, policy->end);
  EXPECT_EQ(embedded.text, "{\"Effect\":\n\"Allow\"}");
  auto inner = parse_json(embedded.text, &embedded.outer);
  ASSERT_TRUE(inner.root) << inner.error;
  const JsonNode* effect = inner.root->find("Effect");
  EXPECT_EQ(file.text().substr(effect->begin, effect->end - effect->begin), "\\\"Allow\\\"");
}

TEST(JsonTree, DecodesUnicodeEscapesIncludingSurrogatePairs) {
  SourceFile file("f.json", R"("a\u00e9\ud83d\ude00")");
  EmbeddedText embedded = decode_json_string(file, 0, static_cast<uint32_t>(file.text().size()));
  EXPECT_EQ(embedded.text, "a\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(embedded.outer.size(), embedded.text.size() + 1);
}

TEST(SourceFile, LinesAndColumnsCountCharactersNotBytes) {
  SourceFile file("f.json", "ab\n\xC3\xA9x\r\nlast");
  Location loc = file.locate(5, 6);  // the 'x' after a two-byte character
  EXPECT_EQ(loc.line, 2u);
  EXPECT_EQ(loc.column, 2u);
  EXPECT_EQ(loc.end_column, 3u);
  EXPECT_EQ(file.line_text(2), "\xC3\xA9x");
  EXPECT_EQ(file.line_text(3), "last");
  EXPECT_EQ(file.line_text(4), "");
}

TEST(SourceFile, ACharacterOfTwoBytesCountsOnceWhereverItIs) {
  for (size_t at = 0; at < 19; ++at) {
    std::string text(20, 'a');
    text.replace(at, 1, "\xC3\xA9");  // 21 bytes, 20 characters; the last is an 'a'
    SourceFile file("f.json", text);
    EXPECT_EQ(file.locate(20, 21).column, 20u) << "the two-byte character at " << at;
  }
}

TEST(SourceFile, AsciiColumnsAreByteCounts) {
  SourceFile file("f.json", "{\n  \"a\": 1}\n");
  Location loc = file.locate(7, 8);
  EXPECT_EQ(loc.line, 2u);
  EXPECT_EQ(loc.column, 6u);
  EXPECT_EQ(loc.end_column, 7u);
}

// locate searches for a value's end from the line it starts on: every start and end, however far
// apart, lands where counting line breaks from the beginning does.
TEST(SourceFile, EveryStartAndEndIsWhereCountingLinesPutsIt) {
  std::string text;
  for (int line = 0; line < 40; ++line) text += std::string(static_cast<size_t>(line % 3), 'x') + "\n";
  SourceFile file("f.json", text);
  auto expected = [&](uint32_t offset) {
    uint32_t line = 1, column = 1;
    for (uint32_t i = 0; i < offset; ++i) {
      column = text[i] == '\n' ? 1 : column + 1;
      line += text[i] == '\n';
    }
    return std::pair(line, column);
  };
  const auto size = static_cast<uint32_t>(text.size());
  for (uint32_t begin = 0; begin <= size; ++begin) {
    for (uint32_t end = begin; end <= size; ++end) {
      Location loc = file.locate(begin, end);
      ASSERT_EQ(std::pair(loc.line, loc.column), expected(begin)) << begin;
      ASSERT_EQ(std::pair(loc.end_line, loc.end_column), expected(end)) << begin << ".." << end;
    }
  }
}

// The line a search may start from is only a hint: before, on or after the value, or past the end
// of the file, the position is the same.
TEST(SourceFile, ANearLineNeverChangesWhereAValueIs) {
  std::string text;
  for (int line = 0; line < 20; ++line) text += std::string(static_cast<size_t>(line % 4), 'x') + "\n";
  SourceFile file("f.json", text);
  const auto size = static_cast<uint32_t>(text.size());
  for (uint32_t begin = 0; begin <= size; ++begin) {
    Location plain = file.locate(begin, begin + 3);
    for (uint32_t near = 0; near <= 23; ++near) {
      Location hinted = file.locate(begin, begin + 3, near);
      ASSERT_EQ(std::tie(hinted.line, hinted.column, hinted.end_line, hinted.end_column),
                std::tie(plain.line, plain.column, plain.end_line, plain.end_column))
          << "offset " << begin << ", near line " << near;
    }
  }
}

// What a report keeps of a file after its analysis: the lines of the findings, the rest empty.
TEST(SourceFile, AnExcerptKeepsTheGivenLinesAtTheirNumbers) {
  SourceFile file("dir/f.json", "one\ntwo\r\nthree\nfour\n");
  auto excerpt = file.excerpt({3, 0, 2, 3});
  EXPECT_EQ(excerpt->path(), "dir/f.json");
  EXPECT_EQ(excerpt->line_text(1), "");
  EXPECT_EQ(excerpt->line_text(2), "two");
  EXPECT_EQ(excerpt->line_text(3), "three");
  EXPECT_EQ(excerpt->line_text(4), "");
  EXPECT_EQ(excerpt->line_text(5), "");
  EXPECT_EQ(excerpt->text(), "two\nthree\n");
}

TEST(SourceFile, AnExcerptOfALongFileHoldsOnlyItsLines) {
  std::string text;
  for (int i = 1; i <= 100000; ++i) text += "line " + std::to_string(i) + "\n";
  auto excerpt = SourceFile("f.json", text).excerpt({99999, 7});
  EXPECT_EQ(excerpt->line_text(7), "line 7");
  EXPECT_EQ(excerpt->line_text(99999), "line 99999");
  EXPECT_EQ(excerpt->line_text(8), "");
  EXPECT_EQ(excerpt->line_text(100000), "");
  EXPECT_EQ(excerpt->text().size(), 18u);
}

}  // namespace
}  // namespace mfalint
