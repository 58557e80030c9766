// Where a test keeps its store. Normally a file in the test's temporary
// directory; when CLUSTERPILOT_TEST_POSTGRES_URL names a PostgreSQL server
// (postgresql://USER@HOST:PORT, as scripts/postgres-test-server.sh prints it), a fresh
// database on it, created for this call and dropped when the test program
// ends. scripts/test.sh runs the store-touching suites a second time that way
// (ctest label `postgres`), so every such test runs on both stores.
//
// Tests that look at the SQLite file itself (its bytes, pragmas, locks) use
// a file path directly and say why.
#ifndef CLUSTERPILOT_TESTS_SUPPORT_TEST_STORE_H_
#define CLUSTERPILOT_TESTS_SUPPORT_TEST_STORE_H_

#include <string>

namespace clusterpilot {

class ScopedTempDir;

// A new, empty store location: `dir`/store.db, or a new database's URL.
// Each call gives another one. Fails the test (ADD_FAILURE) and returns the
// file path when the server cannot create a database.
std::string TestStoreLocation(const ScopedTempDir& dir);

// The one store of `dir`: the first call makes it as TestStoreLocation does,
// later calls with the same folder return the same location, for tests that
// name their store in several places (`dir`/store.db on SQLite).
std::string TestStoreLocationOf(const ScopedTempDir& dir);

// True when the tests run against PostgreSQL (the variable is set).
bool TestsUsePostgresql();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_SUPPORT_TEST_STORE_H_
