// Replays kept inputs through a fuzz target's LLVMFuzzerTestOneInput, without libFuzzer, so the
// normal build retests them: the target's seed corpus (tests/fuzz/seeds/TARGET, which must hold
// inputs: a replay of nothing proves nothing) and, when there are any, the inputs that once crashed
// it (tests/fuzz/regressions/TARGET).
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

namespace {

std::vector<std::filesystem::path> inputs_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: " << argv[0] << " SEED-DIRECTORY [REGRESSION-DIRECTORY]\n";
    return 2;
  }
  std::filesystem::path seeds = argv[1];
  if (!std::filesystem::is_directory(seeds) || inputs_in(seeds).empty()) {
    std::cerr << "no seed inputs: " << seeds.string() << " is missing or empty; each fuzz target keeps real inputs there\n";
    return 1;
  }
  auto inputs = inputs_in(seeds);
  if (argc == 3 && std::filesystem::is_directory(argv[2])) {
    auto regressions = inputs_in(argv[2]);
    inputs.insert(inputs.end(), regressions.begin(), regressions.end());
  }
  for (const auto& path : inputs) {
    std::cout << "replaying " << path.string() << std::endl;  // flushed: a crash names its input
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << inputs.size() << " kept inputs replayed\n";
  return 0;
}
