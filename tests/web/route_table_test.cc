#include "web/route_table.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

std::string Found(const std::string& method, const std::string& path) {
  std::string id;
  bool known = false;
  const Route* route = FindRoute(method, path, &id, &known);
  if (route == nullptr) return known ? "405" : "404";
  return std::string(route->pattern) + (id.empty() ? "" : " id=" + id);
}

TEST(RouteTableTest, FindsRoutesAndTheirIds) {
  EXPECT_EQ(Found("GET", "/worklist"), "/worklist");
  EXPECT_EQ(Found("GET", "/measurements/42"), "/measurements/{id} id=42");
  EXPECT_EQ(Found("POST", "/measurements/42/review"), "/measurements/{id}/review id=42");
}

TEST(RouteTableTest, AnIdIsAPositiveWholeNumber) {
  EXPECT_EQ(Found("GET", "/measurements/0"), "404");
  EXPECT_EQ(Found("GET", "/measurements/012"), "404");
  EXPECT_EQ(Found("GET", "/measurements/1x"), "404");
  EXPECT_EQ(Found("GET", "/measurements/-1"), "404");
  EXPECT_EQ(Found("GET", "/measurements/"), "404");
  EXPECT_EQ(Found("GET", "/measurements/1/review/x"), "404");
  EXPECT_EQ(Found("GET", "/measurements/1234567890123456789"), "404");
}

TEST(RouteTableTest, AKnownPathWithAnotherMethodIsTold) {
  EXPECT_EQ(Found("POST", "/worklist"), "405");
  EXPECT_EQ(Found("GET", "/measurements/3/review"), "405");
  EXPECT_EQ(Found("DELETE", "/login"), "405");
}

TEST(RouteTableTest, EveryRoleHasAHomeItMayOpen) {
  for (WebRole role :
       {WebRole::kClinician, WebRole::kFinance, WebRole::kManager, WebRole::kAdmin}) {
    std::string id;
    bool known = false;
    const Route* home = FindRoute("GET", HomePath(role), &id, &known);
    ASSERT_NE(home, nullptr) << WebRoleName(role);
    EXPECT_TRUE(RouteAllows(*home, role)) << WebRoleName(role);
  }
}

}  // namespace
}  // namespace clusterpilot
