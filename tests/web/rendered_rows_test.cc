// The worklist's kept row HTML: each row rendered once, every reader given
// the same text, also when requests render the same row at once.
#include "web/rendered_rows.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace clusterpilot {
namespace {

TEST(RenderedRowsTest, RendersEachRowOnceAndKeepsItsText) {
  RenderedRows rows(3);
  int renders = 0;
  auto render = [&](const std::string& text) {
    return [&renders, text] {
      ++renders;
      return text;
    };
  };
  EXPECT_EQ(rows.Html(1, render("<tr>b</tr>")), "<tr>b</tr>");
  // Kept: a second render would give other text, and is not asked for.
  EXPECT_EQ(rows.Html(1, render("<tr>other</tr>")), "<tr>b</tr>");
  EXPECT_EQ(rows.Html(0, render("<tr>a</tr>")), "<tr>a</tr>");
  EXPECT_EQ(renders, 2);
  EXPECT_EQ(rows.size(), 3u);
}

TEST(RenderedRowsTest, ConcurrentReadersOfOneRowAllSeeTheFirstKeptText) {
  RenderedRows rows(1);
  constexpr int kThreads = 8;
  std::atomic<int> renders{0};
  std::vector<const std::string*> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      seen[t] = &rows.Html(0, [&, t] {
        ++renders;
        return "<tr>" + std::to_string(t) + "</tr>";
      });
    });
  }
  for (std::thread& thread : threads) thread.join();
  const std::set<const std::string*> distinct(seen.begin(), seen.end());
  EXPECT_EQ(distinct.size(), 1u);
  EXPECT_GE(renders.load(), 1);
  // The one text every reader got is still what the row answers now.
  EXPECT_EQ(&rows.Html(0, [] { return std::string("<tr>late</tr>"); }), *distinct.begin());
}

}  // namespace
}  // namespace clusterpilot
