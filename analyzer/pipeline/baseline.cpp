#include "pipeline/baseline.h"

#include "report/fingerprint.h"
#include "core/json_writer.h"

#include <fmt/core.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <tuple>

namespace mfalint::pipeline {
namespace {

// The same findings under their normalized path: the key hashes the file name. Only the name
// is needed, so a renamed source carries no text.
Findings with_normal_paths(const Findings& findings) {
  Findings out = findings;
  std::map<const SourceFile*, std::shared_ptr<const SourceFile>> renamed;
  for (auto& finding : out) {
    if (!finding.source) continue;
    auto& source = renamed[finding.source.get()];
    if (!source) {
      std::string normal = std::filesystem::path(finding.file()).lexically_normal().generic_string();
      source = normal == finding.file() ? finding.source : std::make_shared<const SourceFile>(normal, "");
    }
    finding.source = source;
  }
  return out;
}

struct Entry {
  std::string key;
  const Finding* finding;
};

}  // namespace

std::vector<std::string> baseline_keys(const Findings& findings) {
  return report::fingerprints(with_normal_paths(findings));
}

void write_baseline(const Findings& findings, std::ostream& out) {
  Findings named = with_normal_paths(findings);
  auto keys = report::fingerprints(named);
  std::vector<Entry> entries;
  for (size_t i = 0; i < named.size(); ++i) entries.push_back(Entry{keys[i], &named[i]});
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.finding->file(), a.finding->rule, a.key) < std::tie(b.finding->file(), b.finding->rule, b.key);
  });
  JsonOutputStream stream(out);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("version");
  w.Uint(1);
  write_field(w, "tool", "mfalint");
  w.Key("findings");
  w.StartArray();
  for (const auto& entry : entries) {
    w.StartObject();
    write_field(w, "key", entry.key);
    write_field(w, "rule", entry.finding->rule);
    write_field(w, "file", entry.finding->file());
    write_field(w, "message", entry.finding->message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << "\n";
}

void save_baseline(const Findings& findings, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) write_baseline(findings, out);
  if (!out) throw BaselineError(fmt::format("{}: cannot write the baseline", path));
}

std::set<std::string> parse_baseline(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) throw BaselineError("not a JSON object");
  auto version = doc.FindMember("version");
  if (version == doc.MemberEnd() || !version->value.IsUint() || version->value.GetUint() != 1) {
    throw BaselineError("not an mfalint baseline of version 1");
  }
  auto findings = doc.FindMember("findings");
  if (findings == doc.MemberEnd() || !findings->value.IsArray()) throw BaselineError("no \"findings\" list");
  std::set<std::string> keys;
  for (const auto& entry : findings->value.GetArray()) {
    if (!entry.IsObject() || !entry.HasMember("key") || !entry["key"].IsString()) {
      throw BaselineError("a finding without a \"key\" string");
    }
    keys.emplace(entry["key"].GetString(), entry["key"].GetStringLength());
  }
  return keys;
}

std::set<std::string> load_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in) throw BaselineError(fmt::format("{}: cannot read the baseline", path));
  try {
    return parse_baseline(text.str());
  } catch (const BaselineError& error) {
    throw BaselineError(fmt::format("{}: {}", path, error.what()));
  }
}

size_t drop_baselined(const std::set<std::string>& keys, Findings& findings) {
  if (keys.empty()) return 0;
  auto finding_keys = baseline_keys(findings);
  Findings kept;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!keys.contains(finding_keys[i])) kept.push_back(std::move(findings[i]));
  }
  size_t dropped = findings.size() - kept.size();
  findings = std::move(kept);
  return dropped;
}

}  // namespace mfalint::pipeline
