// The floor `mfalint check` is measured against: read the same files and parse each with
// RapidJSON's DOM, doing nothing else. Prints how many files parsed, so the work is not elided.
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::filesystem::is_directory(argv[i])) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[i])) {
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
      }
    } else {
      files.emplace_back(argv[i]);
    }
  }
  std::sort(files.begin(), files.end());
  size_t parsed = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
    if (!doc.HasParseError()) ++parsed;
  }
  std::printf("%zu of %zu files parsed\n", parsed, files.size());
  return 0;
}
