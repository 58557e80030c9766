// What Store::Open and a write say when the store cannot be written: a
// read-only file system, no permission, a full disk, another writer. Root
// passes permission checks, and only root may mount: each test makes its
// condition for real or skips, saying why.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/store.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

// A small tmpfs mounted on a temporary folder, unmounted at the end.
class SmallDisk {
 public:
  explicit SmallDisk(const std::string& size) {
    ok_ = ::mount("tmpfs", dir_.path().c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
    if (!ok_) why_ = std::string("cannot mount a tmpfs here: ") + std::strerror(errno);
  }
  ~SmallDisk() {
    if (ok_) ::umount2(dir_.path().c_str(), MNT_DETACH);
  }
  bool MakeReadOnly() {
    return ::mount("tmpfs", dir_.path().c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }
  bool ok() const { return ok_; }
  const std::string& why() const { return why_; }
  std::string File(const std::string& name) const { return dir_.File(name); }
  const std::string& path() const { return dir_.path(); }

 private:
  ScopedTempDir dir_;
  bool ok_ = false;
  std::string why_;
};

TEST(StoreOpenErrorsTest, AReadOnlyFileSystemIsNamed) {
  SmallDisk disk("1m");
  if (!disk.ok()) GTEST_SKIP() << disk.why();
  const std::string db = disk.File("s.db");
  ASSERT_TRUE(Store::Open(db).ok());
  if (!disk.MakeReadOnly()) GTEST_SKIP() << "cannot remount the tmpfs read-only";
  auto store = Store::Open(db);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().ToString(),
            db + ": cannot be written: the file is on a read-only file system; copy the store to "
                 "a writable folder (or remount the disk writable) and use that copy");
  store = Store::Open(disk.File("new.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().ToString(),
            disk.File("new.db") + ": cannot be written: the folder " + disk.path() +
                " is on a read-only file system; copy the store to a writable folder (or "
                "remount the disk writable) and use that copy");
}

TEST(StoreOpenErrorsTest, PermissionDeniedIsNamed) {
  if (::geteuid() == 0) GTEST_SKIP() << "root passes every permission check; run as a user";
  ScopedTempDir dir;
  ASSERT_EQ(::chmod(dir.path().c_str(), 0555), 0);
  auto store = Store::Open(dir.File("s.db"));
  ::chmod(dir.path().c_str(), 0755);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().ToString(),
            dir.File("s.db") + ": cannot be written: permission denied on the folder " +
                dir.path() +
                "; ask its owner for write access, or copy the store to a folder of your own "
                "and use that copy");
}

TEST(StoreOpenErrorsTest, AFullDiskIsNamed) {
  SmallDisk disk("64k");
  if (!disk.ok()) GTEST_SKIP() << disk.why();
  auto store = Store::Open(disk.File("s.db"));
  Status status = store.ok() ? Status::Ok() : Status(store.error());
  if (store.ok()) {
    status = store.value()->InTransaction([&] {
      return store.value()->Execute(
          "CREATE TABLE filler(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
          "WHERE i < 100000) INSERT INTO filler SELECT randomblob(100) FROM n");
    });
  }
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            disk.File("s.db") +
                ": cannot be written: the disk is full; free space on it (or move the store to a "
                "disk with room) and try again; nothing was changed");
}

TEST(StoreOpenErrorsTest, AnotherWriterIsNamed) {
  ScopedTempDir dir;
  const std::string db = dir.File("s.db");
  ASSERT_TRUE(Store::Open(db).ok());
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  sqlite3_busy_timeout(store.value()->handle(), 50);  // the real wait is 30 s
  Status status = store.value()->InTransaction([] { return Status::Ok(); });
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            db + ": is locked by another program writing to it (another clusterpilot import, "
                 "classify or report?); wait until it has finished and try again");
}

}  // namespace
}  // namespace clusterpilot
