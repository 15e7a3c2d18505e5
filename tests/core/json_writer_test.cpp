// JsonWriter's own string path must write exactly what RapidJSON's writer writes.
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

TEST(JsonWriter, AStringAloneIsADocument) {
  std::ostringstream out;
  {
    JsonOutputStream stream(out);
    JsonWriter writer(stream);
    writer.string("plain");
  }
  EXPECT_EQ(out.str(), "\"plain\"");
}

}  // namespace
}  // namespace mfalint
