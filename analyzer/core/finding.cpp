#include "core/finding.h"

#include "catalog/catalog.h"

namespace mfalint {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "note") return Severity::Note;
  if (name == "warning") return Severity::Warning;
  if (name == "error") return Severity::Error;
  return std::nullopt;
}

void FindingActions::for_each_name(const std::function<void(std::string_view)>& visit) const {
  for (const auto& name : written) visit(name);
  std::string name;
  for (uint32_t id : ids) {
    name.assign(catalog::action_service(id));
    name += ':';
    name += catalog::action_name(id);
    visit(name);
  }
}

std::vector<std::string> FindingActions::names() const {
  std::vector<std::string> out;
  out.reserve(written.size() + ids.size());
  for_each_name([&](std::string_view name) { out.emplace_back(name); });
  return out;
}

const std::string& Finding::file() const {
  static const std::string none = "<unknown>";
  return source ? source->path() : none;
}

}  // namespace mfalint
