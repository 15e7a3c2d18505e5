// IAM035 aws:SourceIp with private address ranges, and CIDR blocks with host bits.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using testing::load;
using testing::policy_with_condition;
using ::testing::ElementsAre;
using ::testing::IsEmpty;


TEST(Iam035, OnlyPrivateRangesUnderIpAddress) {
  auto file = load(policy_with_condition(R"({"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.1.0/24", "fd00::/8"]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM035"), ElementsAre("PRIVATE_IP_ADDRESS"));
}

TEST(Iam035, OnlyPrivateRangesUnderNotIpAddress) {
  auto file = load(policy_with_condition(R"({"NotIpAddress": {"aws:SourceIp": "172.16.0.0/12"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM035"), ElementsAre("PRIVATE_NOT_IP_ADDRESS"));
}

TEST(Iam035, MixedRangesAreANote) {
  auto file = load(policy_with_condition(R"({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "10.1.0.0/16"]},
                                      "NotIpAddress": {"aws:SourceIp": ["198.51.100.7", "192.168.0.1"]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM035"),
              ElementsAre("PRIVATE_IP_ADDRESS_SUBSET", "PRIVATE_NOT_IP_ADDRESS_SUBSET"));
  for (const auto& finding : testing::with_rule(file.findings, "IAM035")) EXPECT_EQ(finding.severity, Severity::Note);
}

// Public ranges, a range that only contains private ones (172.0.0.0/8 is mostly public), and
// private addresses on aws:VpcSourceIp, where they belong.
TEST(Iam035, PublicRangesAndVpcSourceIpAreSilent) {
  auto file = load(policy_with_condition(R"({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "172.0.0.0/8", "2001:db8::/32"],
                                                    "aws:VpcSourceIp": "10.0.0.0/8"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM035"), IsEmpty());
}

TEST(Iam035, HostBitsSetSuggestTheNetworkAddress) {
  auto file = load(policy_with_condition(R"({"IpAddress": {"aws:SourceIp": ["203.0.113.7/24", "2001:db8:1234:5678:1::/64"]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM035"), ElementsAre("IMPROVE_IP_RANGE", "IMPROVE_IP_RANGE"));
  auto findings = testing::with_rule(file.findings, "IAM035");
  EXPECT_EQ(findings[0].fix, "\"203.0.113.0/24\"");
  EXPECT_EQ(findings[1].fix, "\"2001:db8:1234:5678::/64\"");
  EXPECT_EQ(findings[0].severity, Severity::Note);
}

TEST(Iam035, NetworkAddressesAndSingleHostsAreSilent) {
  auto file = load(policy_with_condition(R"({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.7", "0.0.0.0/0"]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM035"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
