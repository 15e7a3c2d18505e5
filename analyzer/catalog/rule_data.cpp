#include "catalog/rule_data.h"

#include <stdexcept>
#include <string>

namespace mfalint::catalog {

std::vector<std::string_view> rule_data_entries(std::string_view file_name) {
  for (const auto& file : rule_data_files()) {
    if (file.name != file_name) continue;
    std::vector<std::string_view> entries;
    std::string_view rest = file.text;
    while (!rest.empty()) {
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      line = line.substr(0, line.find('#'));
      size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string_view::npos) continue;
      entries.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
    }
    return entries;
  }
  throw std::logic_error("rules/data/" + std::string(file_name) + " is not embedded");
}

}  // namespace mfalint::catalog
