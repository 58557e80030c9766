// Page-view audit entries of concurrent requests committed in shared
// transactions: each caller returns with its entry stored, every entry is
// stored exactly once, and the hash chain stays intact.
#include "web/audit_group_commit.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "store/audit_log.h"
#include "store/audit_log_chain.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

constexpr int kThreads = 12;
constexpr int kEntriesPerThread = 25;

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

TEST(AuditGroupCommitTest, ConcurrentEntriesAreEachStoredOnceInAnIntactChain) {
  ScopedTempDir dir;
  const std::string path = TestStoreLocation(dir);
  auto reader = OpenOrDie(path);
  ASSERT_NE(reader, nullptr);
  const size_t before = ReadAuditLog(*reader).value().size();
  AuditGroupCommit group;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto store = OpenOrDie(path);
      if (store == nullptr) return;
      for (int i = 0; i < kEntriesPerThread; ++i) {
        const std::string object = "measurement " + std::to_string(t * 1000 + i);
        ASSERT_TRUE(
            group.Record(*store, {"user-" + std::to_string(t), "web measurement", object}).ok());
        // Committed before Record returned: another connection sees it now.
        auto check = OpenOrDie(path);
        const std::vector<AuditEntry> log = ReadAuditLog(*check).value();
        bool found = false;
        for (const AuditEntry& entry : log) found = found || entry.object == object;
        EXPECT_TRUE(found) << object;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const std::vector<AuditEntry> log = ReadAuditLog(*reader).value();
  ASSERT_EQ(log.size(), before + kThreads * kEntriesPerThread);
  std::map<std::string, int> times;
  for (size_t i = before; i < log.size(); ++i) ++times[log[i].user + " " + log[i].object];
  EXPECT_EQ(times.size(), static_cast<size_t>(kThreads * kEntriesPerThread));
  for (const auto& [entry, count] : times) EXPECT_EQ(count, 1) << entry;
  const AuditChainCheck chain = CheckAuditChain(log);
  EXPECT_TRUE(chain.intact) << chain.problem;
}

}  // namespace
}  // namespace clusterpilot
