// The department overview through HTTP: a manager's figures pass the
// report's small-cell suppression, so a small department shows no count
// from 1 to 4 and no total gives a hidden one away.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "tests/web/web_test_client.h"
#include "tests/web/web_test_environment.h"

namespace clusterpilot {
namespace {

// "department: measurements / mix cluster=count ... / poor fit / reviewed"
std::string Describe(const Poco::JSON::Object::Ptr& department) {
  std::string text = department->getValue<std::string>("department") + ": " +
                     department->getValue<std::string>("measurements") + " /";
  const auto mix = department->getArray("cluster_mix");
  for (size_t i = 0; i < mix->size(); ++i) {
    const auto entry = mix->getObject(static_cast<unsigned>(i));
    text += " " + entry->getValue<std::string>("cluster") + "=" +
            entry->getValue<std::string>("measurements");
  }
  return text + " / " + department->getValue<std::string>("poor_fit_percent") + " / " +
         department->getValue<std::string>("reviewed_percent");
}

TEST(DepartmentPageTest, SmallCountsAndTheirComplementsAreHidden) {
  WebTestEnvironment env;
  env.AddClassified("Klein", "2026-06-02", 3, 0);
  env.AddClassified("Midden", "2026-06-02", 5, 0);
  env.AddClassified("Midden", "2026-06-03", 1, 0, 4);
  env.AddClassified("Groot", "2026-06-02", 6, 0);
  env.AddClassified("Groot", "2026-06-03", 5, 0, 4);
  env.AddAccount("manager-klein", WebRole::kManager, {"Groot", "Klein", "Midden"});
  WebTestClient manager(env.port());
  ASSERT_TRUE(manager.Login("manager-klein", kPassword));
  const HttpReply reply = manager.Get("/departments?month=2026-06", true);
  ASSERT_EQ(reply.status, 200) << reply.body;
  Poco::JSON::Parser parser;
  const auto list =
      parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>()->getArray("departments");
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ(Describe(list->getObject(0)), "Groot: 11 / 3=6 4=5 / 0% / 0%");
  EXPECT_EQ(Describe(list->getObject(1)), "Klein: <5 / 3=<5 / 0% / 0%");
  // 5 + 1: the 1 is small; the 5 is hidden too, or 6 - 5 gives it, and so
  // is the total, or 6 minus "at least 5" pins the small one to 1.
  EXPECT_EQ(Describe(list->getObject(2)), "Midden: x / 3=x 4=<5 / 0% / 0%");
  const HttpReply page = manager.Get("/departments?month=2026-06");
  EXPECT_NE(page.body.find("<span>4: &lt;5</span>"), std::string::npos) << page.body;
}

}  // namespace
}  // namespace clusterpilot
