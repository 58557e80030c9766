#include "store/store_location.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(StoreLocationTest, AnythingButAPostgresqlUrlIsAFile) {
  auto location = ParseStoreLocation("data/pilot.db");
  ASSERT_TRUE(location.ok());
  EXPECT_FALSE(location.value().is_postgresql());
  EXPECT_EQ(location.value().file, "data/pilot.db");
  EXPECT_EQ(location.value().Name(), "data/pilot.db");
}

TEST(StoreLocationTest, ReadsUserHostPortAndDatabase) {
  auto location = ParseStoreLocation("postgresql://ana@db.example.nl:5433/pilot");
  ASSERT_TRUE(location.ok());
  const StoreLocation& parsed = location.value();
  EXPECT_TRUE(parsed.is_postgresql());
  EXPECT_EQ(parsed.user, "ana");
  EXPECT_EQ(parsed.host, "db.example.nl");
  EXPECT_EQ(parsed.port, "5433");
  EXPECT_EQ(parsed.database, "pilot");
  EXPECT_EQ(parsed.Name(), "postgresql://ana@db.example.nl:5433/pilot");
  EXPECT_EQ(parsed.ConnectionString(),
            "dbname='pilot' host='db.example.nl' port='5433' user='ana' "
            "application_name='clusterpilot'");
}

TEST(StoreLocationTest, ASocketFolderComesAsHostParameter) {
  auto location = ParseStoreLocation("postgres://ana@:5433/pilot?host=/tmp/pg%20sock");
  ASSERT_TRUE(location.ok());
  EXPECT_EQ(location.value().host, "/tmp/pg sock");
  EXPECT_EQ(location.value().Name(), "postgresql://ana@:5433/pilot?host=/tmp/pg sock");
}

TEST(StoreLocationTest, PartsLeftOutAreLeftToLibpq) {
  auto location = ParseStoreLocation("postgresql:///pilot");
  ASSERT_TRUE(location.ok());
  EXPECT_EQ(location.value().ConnectionString(), "dbname='pilot' application_name='clusterpilot'");
}

TEST(StoreLocationTest, APasswordIsRefusedAndNeverRepeated) {
  auto location = ParseStoreLocation("postgresql://ana:geheim@db:5432/pilot");
  ASSERT_FALSE(location.ok());
  EXPECT_EQ(location.error().ToString(),
            "postgresql://ana@db:5432/pilot: a password in the URL is not accepted; put it in "
            "~/.pgpass (or the file PGPASSFILE names), where PostgreSQL's client library reads "
            "it");
  auto in_query = ParseStoreLocation("postgresql://ana@db/pilot?password=geheim");
  ASSERT_FALSE(in_query.ok());
  EXPECT_EQ(in_query.error().message.find("geheim"), std::string::npos);
}

TEST(StoreLocationTest, BadUrlsSayWhatIsWrong) {
  const struct {
    const char* url;
    const char* error;
  } cases[] = {
      {"postgresql://ana@db:5432",
       "postgresql://ana@db:5432: names no database; write "
       "postgresql://USER@HOST:PORT/DBNAME"},
      {"postgresql://ana@db:54x2/pilot",
       "postgresql://ana@db:54x2/pilot: \"54x2\" is not a port number"},
      {"postgresql://db/pilot?sslmode=disable",
       "postgresql://db/pilot?sslmode=disable: unknown parameter \"sslmode\"; only "
       "host=/socket/folder"},
      {"postgresql://db/pi%4", "postgresql://db/pi%4: the database name has a broken %-escape"},
  };
  for (const auto& c : cases) {
    auto location = ParseStoreLocation(c.url);
    ASSERT_FALSE(location.ok()) << c.url;
    EXPECT_EQ(location.error().ToString(), c.error);
  }
}

}  // namespace
}  // namespace clusterpilot
