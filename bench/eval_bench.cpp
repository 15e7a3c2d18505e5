// Requests per second of mfalint's request evaluator (analyzer/eval) on the AWS managed
// policies, and its cost per statement. Usage: bench_eval [CORPUS_DIR] [SECONDS_PER_RUN]
// (five runs of each workload; default 1 s each).
//
// Every policy becomes a policy set of its own; each is asked a few requests built from its
// statements (an action its Action names, a resource its Resource names, with wildcards filled
// in), so that statements match and conditions run rather than failing on the action. Requests
// carry an MFA session's context and a few other keys, as a real request does.

#include "eval/decision.h"
#include "input/load.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <utility>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace mfalint;
using Clock = std::chrono::steady_clock;

struct Workload {
  eval::PolicySet set;
  std::vector<eval::Request> requests;
  size_t statements = 0;
};

std::string fill(std::string pattern, const char* star) {
  std::string out;
  for (char c : pattern) {
    if (c == '*') out += star;
    else if (c == '?') out += 'x';
    else out += c;
  }
  return out;
}

eval::Request request_for(const model::Statement& st) {
  eval::Request r;
  r.action = st.action && !st.action->items.empty() ? fill(st.action->items.front().value, "Get") : "s3:GetObject";
  std::string resource = st.resource && !st.resource->items.empty() ? st.resource->items.front().value : "*";
  r.resource = resource == "*" ? "arn:aws:s3:::example-bucket/reports/2024.csv" : fill(resource, "example");
  r.principal = "";
  eval::set_mfa_context(r.context, eval::MfaContext::MfaSession, 120);
  r.context.add("aws:SourceIp", "203.0.113.7");
  r.context.add("aws:RequestedRegion", "us-east-1");
  r.context.add("aws:CurrentTime", "2024-06-01T10:00:00Z");
  r.context.add("aws:PrincipalArn", "arn:aws:iam::111111111111:role/Admin");
  r.context.add("aws:username", "alice");
  return r;
}

struct Run {
  double seconds = 0;
  uint64_t requests = 0;
  uint64_t statements = 0;
  uint64_t allowed = 0;
};

Run measure(const std::vector<Workload>& workloads, double budget) {
  Run run;
  eval::Result result;
  auto start = Clock::now();
  do {
    for (const auto& w : workloads) {
      for (const auto& request : w.requests) {
        eval::evaluate(w.set, request, result);
        run.allowed += result.decision == eval::Decision::Allowed;
      }
      run.requests += w.requests.size();
      run.statements += w.requests.size() * w.statements;
    }
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  } while (run.seconds < budget);
  return run;
}

// Five runs: on a shared machine the median is the honest figure and the best the machine's own.
void report(const char* name, const std::vector<Workload>& workloads, double budget) {
  size_t statements = 0, requests = 0;
  for (const auto& w : workloads) {
    statements += w.statements;
    requests += w.requests.size();
  }
  measure(workloads, budget / 5);  // warm caches and the Result's storage
  std::vector<Run> runs;
  for (int i = 0; i < 5; ++i) runs.push_back(measure(workloads, budget));
  auto rate = [](const Run& run) { return static_cast<double>(run.requests) / run.seconds; };
  std::sort(runs.begin(), runs.end(), [&](const Run& a, const Run& b) { return rate(a) < rate(b); });
  const Run& median = runs[2];
  const Run& best = runs.back();
  fmt::print("{}: {} policy sets, {:.1f} statements per set, {} distinct requests, {:.1f}% allowed\n", name,
             workloads.size(), static_cast<double>(statements) / static_cast<double>(workloads.size()), requests,
             100.0 * static_cast<double>(median.allowed) / static_cast<double>(median.requests));
  for (const auto& [label, run] : {std::pair{"median", &median}, std::pair{"best", &best}}) {
    fmt::print("  {:<6} {:>9.0f} requests/s  {:>6.0f} ns/request  {:>6.1f} ns/statement\n", label, rate(*run),
               run->seconds * 1e9 / static_cast<double>(run->requests),
               run->seconds * 1e9 / static_cast<double>(run->statements));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = argc > 1 ? argv[1] : "../shared/corpus/aws-managed-policies";
  double budget = argc > 2 ? std::atof(argv[2]) : 1.0;
  std::vector<input::LoadedFile> missing;
  auto paths = input::expand_paths({corpus}, missing);
  if (paths.empty()) {
    fmt::print(stderr, "bench_eval: no policies under {}\n", corpus);
    return 1;
  }
  std::vector<input::LoadedFile> files;
  files.reserve(paths.size());
  for (const auto& path : paths) files.push_back(input::load_file(path));

  std::vector<Workload> few, all;
  for (const auto& file : files) {
    for (const auto& policy : file.policies) {
      Workload w;
      w.set.identity.push_back(&policy);
      w.statements = policy.statements.size();
      for (size_t i = 0; i < policy.statements.size() && i < 4; ++i) w.requests.push_back(request_for(policy.statements[i]));
      if (w.requests.empty()) continue;
      if (w.statements <= 5) few.push_back(w);
      all.push_back(std::move(w));
    }
  }
  fmt::print("corpus: {} ({} files)\n", corpus, files.size());
  report("policy sets of at most 5 statements", few, budget);
  report("every managed policy", all, budget);
  return 0;
}
