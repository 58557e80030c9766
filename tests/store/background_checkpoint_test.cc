#include "store/background_checkpoint.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <thread>

#include "store/store.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

// Where the write-ahead log stands, from the wal-index (the -shm file) as
// SQLite's file format documents it: the header's mxFrame (frames in the
// log) at byte 16, the checkpoint's nBackfill (frames copied into the
// store) at byte 96. Reading it checkpoints nothing.
struct LogState {
  uint32_t frames = 0;
  uint32_t copied = 0;
};

LogState ReadLogState(const std::string& db) {
  std::ifstream shm(db + "-shm", std::ios::binary);
  char bytes[100] = {};
  shm.read(bytes, sizeof bytes);
  LogState state;
  std::memcpy(&state.frames, bytes + 16, sizeof state.frames);
  std::memcpy(&state.copied, bytes + 96, sizeof state.copied);
  return state;
}

class BackgroundCheckpointTest : public testing::Test {
 protected:
  void SetUp() override {
    auto created = Store::Open(db_);  // always SQLite: PostgreSQL has no such log
    ASSERT_TRUE(created.ok()) << created.error().ToString();
    writer_ = std::move(created).value();
    ASSERT_TRUE(writer_->Execute("CREATE TABLE filler (bytes BLOB)").ok());
  }

  // One commit of about `pages` pages of 8 KB.
  void Fill(int pages) {
    const std::string sql =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
        std::to_string(pages) + ") INSERT INTO filler SELECT randomblob(7000) FROM n";
    ASSERT_TRUE(writer_->Execute(sql).ok());
  }

  // Waits for the thread's n-th checkpoint; false after 20 s.
  static bool AwaitCheckpoints(const BackgroundCheckpoint& checkpoint, int n) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (checkpoint.checkpoints() < n) {
      if (std::chrono::steady_clock::now() > give_up) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("store.db");
  std::unique_ptr<Store> writer_;
};

// A commit past 1,000 pages wakes the thread, which copies every frame of
// the log into the store. (A watched connection's own automatic checkpoint
// is gone: SQLite documents that a wal hook replaces it.)
TEST_F(BackgroundCheckpointTest, TheThreadCopiesTheLogAfterACommitPastTheLimit) {
  Fill(1200);  // unwatched: SQLite checkpoints inside the commit
  const LogState own = ReadLogState(db_);
  EXPECT_GT(own.frames, 1000u);
  EXPECT_EQ(own.copied, own.frames);
  auto checkpoint = BackgroundCheckpoint::Start(db_);
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.error().ToString();
  checkpoint.value()->Watch(*writer_);
  Fill(1200);
  ASSERT_TRUE(AwaitCheckpoints(*checkpoint.value(), 1));
  const LogState after = ReadLogState(db_);
  EXPECT_GT(after.frames, 1000u);
  EXPECT_EQ(after.copied, after.frames);
  writer_.reset();  // watched connections go before their checkpointer
}

// Commits that leave the log short of the limit do not wake the thread.
TEST_F(BackgroundCheckpointTest, ShortLogsAreLeftForLater) {
  auto checkpoint = BackgroundCheckpoint::Start(db_);
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.error().ToString();
  checkpoint.value()->Watch(*writer_);
  for (int i = 0; i < 5; ++i) Fill(10);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(checkpoint.value()->checkpoints(), 0);
  const LogState waiting = ReadLogState(db_);
  EXPECT_GT(waiting.frames, waiting.copied);
  writer_.reset();
}

}  // namespace
}  // namespace clusterpilot
