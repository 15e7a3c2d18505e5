// Replays the inputs kept in one directory through a fuzz target's LLVMFuzzerTestOneInput, without
// libFuzzer, so the normal build retests every input that once crashed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " DIRECTORY\n";
    return 2;
  }
  std::filesystem::path dir = argv[1];
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "no kept inputs: " << dir.string() << " does not exist\n";
    return 0;
  }
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  for (const auto& path : inputs) {
    std::cout << "replaying " << path.filename().string() << std::endl;  // flushed: a crash names its input
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << inputs.size() << " kept inputs replayed\n";
  return 0;
}
