#include "catalog/catalog.h"
#include "core/finding.h"
#include "report/fingerprint.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::ElementsAre;

catalog::ActionId id_of(std::string_view name) { return catalog::find_action(name).value(); }

TEST(FindingActions, WrittenNamesFirstThenCatalogActionsByName) {
  FindingActions actions;
  actions.written = {"lamda:InvokeFunction"};
  actions.ids = {id_of("s3:GetObject"), id_of("s3:PutObject")};
  EXPECT_THAT(actions.names(), ElementsAre("lamda:InvokeFunction", "s3:GetObject", "s3:PutObject"));
  EXPECT_FALSE(actions.empty());
  EXPECT_TRUE(FindingActions{}.empty());
}

// Baselines hash action names: a finding must keep its fingerprint whether it holds an action by
// id or as written, or every baseline written before ids would break.
TEST(FindingActions, FingerprintIsTheSameByIdOrByName) {
  Finding by_id, by_name;
  by_id.rule = by_name.rule = "MFA001";
  by_id.message = by_name.message = "s3:GetObject allowed without MFA";
  by_id.actions.ids = {id_of("s3:GetObject")};
  by_name.actions.written = {"s3:GetObject"};
  EXPECT_EQ(report::finding_key(by_id), report::finding_key(by_name));
  by_name.actions.written = {"s3:PutObject"};
  EXPECT_NE(report::finding_key(by_id), report::finding_key(by_name));
}

}  // namespace
}  // namespace mfalint
