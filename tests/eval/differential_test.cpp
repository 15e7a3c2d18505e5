// Differential test: thousands of generated policy sets and requests (tests/eval/differential/
// generate.mjs, seeded), decided by mfalint's evaluator and by @cloud-copilot/iam-simulate, an
// independent TypeScript simulator installed with npm into the build directory (cached there).
// Every disagreement is a bug in one of the two; the classes AWS's documentation settles against
// iam-simulate are listed in docs/evaluation.md and tagged by the generator, and set aside here.

#include "eval/decision.h"
#include "pipeline/checked_load.h"
#include "support/iam_simulate.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace mfalint::eval {
namespace {

namespace fs = std::filesystem;
using mfalint::testing::read_all;
using mfalint::testing::run_shell;

constexpr const char* kDefaultSeed = "20240611";
constexpr const char* kDefaultCount = "6000";

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

struct Case {
  int id = 0;
  std::string mfa;
  std::vector<std::string> excluded;
  std::vector<std::unique_ptr<input::LoadedFile>> files;
  PolicySet set;
  Request request;
  std::string json;  // for the report
};

const model::Policy* load_policy(Case& c, const rapidjson::Value& value, const std::string& name) {
  c.files.push_back(std::make_unique<input::LoadedFile>(pipeline::load_text_checked(name, to_json(value))));
  const auto& file = *c.files.back();
  if (file.error || file.policies.size() != 1) return nullptr;
  return &file.policies.front();
}

bool build_case(const rapidjson::Value& v, Case& c) {
  c.id = v["id"].GetInt();
  c.mfa = v["mfa"].GetString();
  c.json = to_json(v);
  for (const auto& tag : v["excluded"].GetArray()) c.excluded.emplace_back(tag.GetString());
  std::string prefix = "case" + std::to_string(c.id);
  for (const auto& policy : v["identity"].GetArray()) {
    const model::Policy* p = load_policy(c, policy, prefix + "-identity.json");
    if (!p) return false;
    c.set.identity.push_back(p);
  }
  if (v["resource_policy"].IsObject()) {
    const model::Policy* p = load_policy(c, v["resource_policy"], prefix + "-resource.json");
    if (!p) return false;
    c.set.resource.push_back(p);
  }
  if (v["boundary"].IsObject()) {
    const model::Policy* p = load_policy(c, v["boundary"], prefix + "-boundary.json");
    if (!p) return false;
    c.set.boundaries.push_back({p});
  }
  for (const auto& scp : v["scps"].GetArray()) {
    const model::Policy* p = load_policy(c, scp, prefix + "-scp.json");
    if (!p) return false;
    c.set.scps.push_back({p});
  }
  const auto& r = v["request"];
  c.request.action = r["action"].GetString();
  c.request.resource = r["resource"].GetString();
  c.request.principal = r["principal"].GetString();
  // iam-simulate takes the resource's account beside the ARN; S3 ARNs carry none.
  c.request.context.set("aws:ResourceAccount", {r["resource_account"].GetString()}, false);
  for (const auto& member : r["context"].GetObject()) {
    if (member.value.IsArray()) {
      std::vector<std::string> values;
      for (const auto& item : member.value.GetArray()) values.emplace_back(item.GetString());
      c.request.context.set(member.name.GetString(), std::move(values), true);
    } else {
      c.request.context.set(member.name.GetString(), {member.value.GetString()}, false);
    }
  }
  return true;
}

TEST(Differential, AgreesWithIamSimulate) {
  if (run_shell("command -v node && command -v npm").status != 0) {
    MFALINT_MISSING_TOOL("the differential test needs node and npm on PATH");
  }
  fs::path work = fs::path(MFALINT_BINARY).parent_path() / "differential-node";
  std::string why;
  if (mfalint::testing::prepare_iam_simulate(work, why).empty()) MFALINT_MISSING_TOOL(why);

  std::string seed = env_or("MFALINT_DIFF_SEED", kDefaultSeed);
  std::string count = env_or("MFALINT_DIFF_COUNT", kDefaultCount);
  auto generated = run_shell("node generate.mjs " + seed + " " + count + " > cases.json", work.string());
  ASSERT_EQ(generated.status, 0) << generated.err;
  auto simulated = run_shell("node simulate.mjs cases.json > results.jsonl", work.string());
  ASSERT_EQ(simulated.status, 0) << simulated.err;

  std::map<int, std::string> expected;  // id -> decision, or "error: ..."
  std::istringstream lines(read_all(work / "results.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_FALSE(d.HasParseError()) << line;
    expected[d["id"].GetInt()] = d.HasMember("decision") ? d["decision"].GetString() : std::string("error: ") + d["error"].GetString();
  }

  std::string cases_text = read_all(work / "cases.json");
  rapidjson::Document doc;
  doc.Parse(cases_text.c_str());
  ASSERT_FALSE(doc.HasParseError());
  const auto& cases = doc["cases"].GetArray();
  ASSERT_EQ(cases.Size(), expected.size());

  int compared = 0, agreed = 0, node_errors = 0, reported = 0;
  std::map<std::string, int> excluded, excluded_disagreeing, decisions;
  Result result;
  for (const auto& value : cases) {
    Case c;
    ASSERT_TRUE(build_case(value, c)) << "mfalint could not read case " << to_json(value);
    const std::string& theirs = expected[c.id];
    if (theirs.starts_with("error")) {
      ++node_errors;
      ADD_FAILURE() << "iam-simulate refused case " << c.id << ": " << theirs << "\n" << c.json;
      continue;
    }
    evaluate(c.set, c.request, result);
    std::string ours(decision_name(result.decision));
    if (!c.excluded.empty()) {
      for (const auto& tag : c.excluded) {
        ++excluded[tag];
        if (ours != theirs) ++excluded_disagreeing[tag];
      }
      continue;
    }
    ++compared;
    ++decisions[c.mfa + " " + theirs];
    if (ours == theirs) {
      ++agreed;
    } else if (++reported <= 20) {
      ADD_FAILURE() << "case " << c.id << ": mfalint " << ours << ", iam-simulate " << theirs << "\n" << c.json;
    }
  }

  std::cout << "differential (seed " << seed << "): " << cases.Size() << " cases, " << compared << " compared, " << agreed
            << " agree, " << (compared - agreed) << " disagree, " << node_errors << " refused by iam-simulate\n";
  for (const auto& [tag, n] : excluded) {
    std::cout << "  excluded (docs/evaluation.md) " << tag << ": " << n << " cases, " << excluded_disagreeing[tag]
              << " of them decided differently\n";
  }
  for (const auto& [kind, n] : decisions) std::cout << "  " << kind << ": " << n << "\n";
  EXPECT_EQ(compared, agreed);
  EXPECT_GE(compared, std::stoi(count) * 8 / 10) << "too many cases set aside";
}

}  // namespace
}  // namespace mfalint::eval
