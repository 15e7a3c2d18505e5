// JsonWriter's own string path and its threaded elements must write exactly what RapidJSON's
// writer writes.
#include "core/json_writer.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace mfalint {
namespace {

const std::vector<std::string> kStrings = {
    "",   "s3:GetObject", "a \"quoted\" word", "back\\slash", "tab\tand\nnewline", std::string("nul\0byte", 8),
    "\x1f", "caf\xc3\xa9 \xe2\x9c\x93", "\x7f", "/path/to a.json", std::string(70000, 'x'),  // longer than a block
};

// The same document through `write` for each string: top level, in an array, as object values.
template <class Writer, class Write>
void document(Writer& w, Write write) {
  w.StartObject();
  w.Key("list");
  w.StartArray();
  for (const auto& value : kStrings) write(w, value);
  w.EndArray();
  for (const auto& value : kStrings) {
    w.Key("k");
    write(w, value);
  }
  w.EndObject();
}

TEST(JsonWriter, StringsAreWrittenAsRapidJsonWritesThem) {
  rapidjson::StringBuffer expected;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> reference(expected);
  reference.SetIndent(' ', 2);
  document(reference, [](auto& w, const std::string& value) {
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  });

  std::ostringstream out;
  {
    JsonOutputStream stream(out);
    JsonWriter writer(stream);
    writer.SetIndent(' ', 2);
    document(writer, [](JsonWriter& w, const std::string& value) { w.string(value); });
  }
  EXPECT_EQ(out.str(), std::string(expected.GetString(), expected.GetSize()));
}

// Every byte at every place of a sixteen-byte block, an eight-byte word and the tail after them:
// the escape test reads sixteen, then eight bytes at a time.
TEST(JsonWriter, EveryByteIsEscapedAsRapidJsonEscapesIt) {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 27; ++at) {
      std::string value(27, 'a');
      value[at] = static_cast<char>(byte);
      rapidjson::StringBuffer expected;
      rapidjson::Writer<rapidjson::StringBuffer> reference(expected);
      reference.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
      std::ostringstream out;
      {
        JsonOutputStream stream(out);
        JsonWriter writer(stream);
        writer.string(value);
      }
      ASSERT_EQ(out.str(), std::string(expected.GetString(), expected.GetSize())) << "byte " << byte << " at " << at;
      EXPECT_EQ(needs_json_escape(value), byte < 0x20 || byte == '"' || byte == '\\') << "byte " << byte << " at " << at;
    }
  }
}

TEST(JsonWriter, AStringAloneIsADocument) {
  std::ostringstream out;
  {
    JsonOutputStream stream(out);
    JsonWriter writer(stream);
    writer.string("plain");
  }
  EXPECT_EQ(out.str(), "\"plain\"");
}

// One element of the array `elements` writes: an object with a nested array, of varied length.
void element(JsonWriter& w, size_t i) {
  w.StartObject();
  write_field(w, "name", "element " + std::to_string(i));
  w.Key("ids");
  w.StartArray();
  for (size_t k = 0; k < i % 5; ++k) w.Uint(static_cast<unsigned>(k));
  w.EndArray();
  if (i % 300 == 0) write_field(w, "long", std::string(70000, 'x'));  // longer than a block
  w.EndObject();
}

// A report: a field, then `count` elements written by `elements` on `jobs` threads, then a field.
std::string report_with_elements(size_t count, unsigned jobs) {
  std::ostringstream out;
  {
    JsonOutputStream stream(out);
    JsonWriter w(stream);
    w.SetIndent(' ', 2);
    w.StartObject();
    write_field(w, "before", "x");
    w.Key("findings");
    w.StartArray();
    w.elements(count, jobs, element);
    w.EndArray();
    write_field(w, "after", "y");
    w.EndObject();
  }
  return out.str();
}

TEST(JsonWriter, ElementsRenderedOnThreadsReadAsIfWrittenInOrder) {
  for (size_t count : {0, 1, 255, 256, 257, 2049, 5000}) {
    std::string one = report_with_elements(count, 1);
    EXPECT_EQ(report_with_elements(count, 2), one) << count << " elements";
    EXPECT_EQ(report_with_elements(count, 3), one) << count << " elements";
  }
  EXPECT_EQ(report_with_elements(0, 2), "{\n  \"before\": \"x\",\n  \"findings\": [],\n  \"after\": \"y\"\n}");
}

}  // namespace
}  // namespace mfalint
