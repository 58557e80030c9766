// SQL run on a store file through plain SQLite, as another program (or an
// attacker with the sqlite3 shell) would: for tests that check what the store
// does when its file is changed behind its back.
#ifndef CLUSTERPILOT_TESTS_SUPPORT_RAW_SQLITE_H_
#define CLUSTERPILOT_TESTS_SUPPORT_RAW_SQLITE_H_

#include <string>

namespace clusterpilot {

// Opens `path`, runs `sql` (several statements allowed) and closes it; a
// failure is a GoogleTest failure naming SQLite's message.
void RunSqlite(const std::string& path, const std::string& sql);

// The first value of `sql`'s first row, read through a read-only connection
// ("" when there is none): what the file says without Store::Open, which
// would change it (e.g. "PRAGMA journal_mode", which Open sets to WAL).
std::string FirstSqliteValue(const std::string& path, const std::string& sql);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_SUPPORT_RAW_SQLITE_H_
