#include "store/pseudonymised_copy.h"

#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/audit_log_chain.h"
#include "store/override_table.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef-secret";

std::vector<std::string> Column(Store& store, const std::string& sql) {
  SqlStatement select(store, sql);
  std::vector<std::string> values;
  while (select.Step()) values.emplace_back(select.IsNull(0) ? "NULL" : select.Text(0));
  EXPECT_TRUE(select.status().ok()) << select.status().error().ToString();
  return values;
}

class PseudonymisedCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(source_path_);
    ASSERT_TRUE(store.ok());
    std::vector<Measurement> measurements = {
        MakeMeasurement("SYN-0001", "Psychose", "2026-03-02", Supercluster::kNonPsychotic, {}),
        MakeMeasurement("SYN-0001", "Psychose", "2026-04-02", Supercluster::kNonPsychotic, {}),
        MakeMeasurement("SYN-0002", "Ouderen", "2026-03-05", Supercluster::kNonPsychotic, {})};
    SeedMeasurements(*store.value(), &measurements);
    ASSERT_TRUE(RecordOverride(*store.value(), measurements[0].id, 3,
                               "spoke with Jan de Vries (SYN-0001)", "dr.visser")
                    .ok());
    ASSERT_TRUE(store.value()
                    ->Execute("INSERT INTO rejected_row(batch_id, line, field, value, reason, "
                              "raw_row) VALUES(1, 7, 'HV07', '5', 'no rating', 'SYN-0003;5')")
                    .ok());
  }

  Result<PseudonymisedCopySummary> Copy(const std::string& out, const std::string& key = kKey) {
    auto store = Store::Open(source_path_);
    EXPECT_TRUE(store.ok());
    return WritePseudonymisedCopy(*store.value(), key, out, "analist");
  }

  ScopedTempDir dir_;
  const std::string source_path_ = dir_.File("source.db");
};

TEST_F(PseudonymisedCopyTest, PatientAndClinicianIdsBecomeKeyedPseudonyms) {
  const std::string out = dir_.File("copy.db");
  auto summary = Copy(out);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary.value().measurements, 3);
  EXPECT_EQ(summary.value().patients, 2);
  auto copy = Store::Open(out, Store::OpenMode::kMustExist);
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(Column(*copy.value(), "SELECT patient_id FROM measurement ORDER BY id"),
            (std::vector<std::string>{Pseudonym(kKey, "SYN-0001"), Pseudonym(kKey, "SYN-0001"),
                                      Pseudonym(kKey, "SYN-0002")}));
  EXPECT_EQ(Pseudonym(kKey, "SYN-0001").size(), 64u);
  EXPECT_EQ(Column(*copy.value(), "SELECT by_user || '|' || reason FROM clinician_override"),
            (std::vector<std::string>{Pseudonym(kKey, "dr.visser") +
                                      "|(left out of the pseudonymised copy)"}));
  EXPECT_EQ(Column(*copy.value(), "SELECT department FROM measurement ORDER BY id"),
            (std::vector<std::string>{"Psychose", "Psychose", "Ouderen"}));
  EXPECT_TRUE(Column(*copy.value(), "SELECT id FROM rejected_row").empty());
}

// The published HMAC-SHA256 test vector (key "key", the quick brown fox):
// the pseudonym is the standard construction, nothing home-made.
TEST_F(PseudonymisedCopyTest, ThePseudonymIsHmacSha256) {
  EXPECT_EQ(Pseudonym("key", "The quick brown fox jumps over the lazy dog"),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
}

TEST_F(PseudonymisedCopyTest, TheSameKeyGivesTheSamePseudonymsAcrossCopies) {
  ASSERT_TRUE(Copy(dir_.File("march.db")).ok());
  ASSERT_TRUE(Copy(dir_.File("april.db")).ok());
  ASSERT_TRUE(Copy(dir_.File("other-key.db"), std::string(32, 'k')).ok());
  const std::string sql = "SELECT patient_id FROM measurement ORDER BY id";
  auto march = Store::Open(dir_.File("march.db"));
  auto april = Store::Open(dir_.File("april.db"));
  auto other = Store::Open(dir_.File("other-key.db"));
  EXPECT_EQ(Column(*march.value(), sql), Column(*april.value(), sql));
  EXPECT_NE(Column(*march.value(), sql), Column(*other.value(), sql));
}

TEST_F(PseudonymisedCopyTest, NeitherTheKeyNorAnIdEntersTheCopy) {
  const std::string out = dir_.File("copy.db");
  ASSERT_TRUE(Copy(out).ok());
  const std::string bytes = ReadFile(out);
  ASSERT_FALSE(bytes.empty());
  for (const char* secret : {"0123456789abcdef", "SYN-000", "dr.visser", "Jan de Vries"}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
  }
}

TEST_F(PseudonymisedCopyTest, TheCopyStartsAFreshChainNamingItsSource) {
  const std::string out = dir_.File("copy.db");
  ASSERT_TRUE(Copy(out).ok());
  auto copy = Store::Open(out);
  auto entries = ReadAuditLog(*copy.value()).value();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "pseudonymised copy");
  EXPECT_EQ(entries[0].object, "made from store " + source_path_ +
                                   "; patient, clinician and user ids are keyed pseudonyms");
  EXPECT_EQ(entries[0].user, "analist");
  EXPECT_TRUE(CheckAuditChain(entries).intact);
}

TEST_F(PseudonymisedCopyTest, AnExistingFileIsNeverReplaced) {
  const std::string out = dir_.File("copy.db");
  WriteFile(out, "thesis");
  auto summary = Copy(out);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().ToString(),
            out + ": already exists; a pseudonymised copy never replaces a file");
  EXPECT_EQ(ReadFile(out), "thesis");
}

TEST_F(PseudonymisedCopyTest, AnUnknownTableStopsTheCopy) {
  {
    auto store = Store::Open(source_path_);
    ASSERT_TRUE(store.value()->Execute("CREATE TABLE patient_note(patient_id TEXT)").ok());
  }
  const std::string out = dir_.File("copy.db");
  auto summary = Copy(out);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().ToString(),
            source_path_ +
                ": table \"patient_note\" is not known to the pseudonymiser; no copy was written "
                "(update store/pseudonymised_copy.cc)");
  EXPECT_EQ(ReadFile(out), "");
}

}  // namespace
}  // namespace clusterpilot
