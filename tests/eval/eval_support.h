#pragma once
// Helpers for the evaluator tests: policies from JSON text, requests from key=value pairs.

#include "eval/decision.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace mfalint::eval::testing {

// Keeps loaded files alive for the PolicySet that points into them.
class Policies {
 public:
  const model::Policy* add(const std::string& json) {
    files_.push_back(std::make_unique<input::LoadedFile>(mfalint::testing::load(json)));
    EXPECT_FALSE(files_.back()->error) << json;
    EXPECT_EQ(files_.back()->policies.size(), 1u) << json;
    return &files_.back()->policies.front();
  }

 private:
  std::vector<std::unique_ptr<input::LoadedFile>> files_;
};

inline std::string statement_policy(const std::string& statement, const std::string& version = "2012-10-17") {
  return R"({"Version": ")" + version + R"(", "Statement": [)" + statement + "]}";
}

inline Request request(std::string action, std::string resource,
                       std::initializer_list<std::pair<std::string, std::string>> context = {},
                       std::string principal = "") {
  Request r{std::move(action), std::move(resource), std::move(principal), {}};
  for (const auto& [key, value] : context) r.context.add(key, value);
  return r;
}

// The decision of one identity policy made of `statements` on `r`.
inline Decision decide(const std::string& statements, const Request& r, const std::string& version = "2012-10-17") {
  Policies policies;
  PolicySet set;
  set.identity.push_back(policies.add(statement_policy(statements, version)));
  return evaluate(set, r).decision;
}

// Whether an Allow of s3:GetObject on * with `condition` lets `r` through.
inline bool condition_allows(const std::string& condition, const Request& r, const std::string& version = "2012-10-17") {
  return decide(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": )" + condition + "}", r,
                version) == Decision::Allowed;
}

inline Request get_object(std::initializer_list<std::pair<std::string, std::string>> context = {}) {
  return request("s3:GetObject", "arn:aws:s3:::example/a.txt", context);
}

}  // namespace mfalint::eval::testing
