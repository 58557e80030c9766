#include "store/pseudonymised_copy.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "store/audit_log.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "store/store_location.h"

namespace clusterpilot {
namespace {

// Every table of the schema, and how the copy treats it. A table missing
// here stops the copy (see the header).
constexpr std::string_view kCopyStatements[] = {
    R"sql(INSERT INTO main.import_batch SELECT id, file_name, content_hash, format, imported_at,
            pseudonym(imported_by), rows_read, rows_stored, rows_skipped, rows_rejected,
            rows_conflict FROM source.import_batch)sql",
    R"sql(INSERT INTO main.measurement SELECT id, pseudonym(patient_id), department, rating_date,
            pseudonym(clinician), supercluster, hv01, hv02, hv03, hv04, hv05, hv06, hv07, hv08,
            hv09, hv10, hv11, hv12, hv13, hv14, hv15, hv16, hv17, hv18, hv19, hv08_type,
            batch_id, source_line, route, coordinating_department, organisation
            FROM source.measurement)sql",
    R"sql(INSERT INTO main.measurement_department SELECT name FROM source.measurement_department)sql",
    R"sql(INSERT INTO main.latest_rating SELECT pseudonym(patient_id), measurement_id, department,
            rating_date, pseudonym(clinician) FROM source.latest_rating)sql",
    R"sql(INSERT INTO main.cluster_model SELECT * FROM source.cluster_model)sql",
    R"sql(INSERT INTO main.cluster_model_use SELECT * FROM source.cluster_model_use)sql",
    R"sql(INSERT INTO main.classification SELECT * FROM source.classification)sql",
    R"sql(INSERT INTO main.classification_progress SELECT * FROM source.classification_progress)sql",
    R"sql(INSERT INTO main.clinician_override SELECT id, measurement_id, cluster,
            '(left out of the pseudonymised copy)', pseudonym(by_user), at, version,
            outside_supercluster
            FROM source.clinician_override)sql",
};
const std::set<std::string> kKnownTables = {
    "import_batch", "measurement", "measurement_department", "latest_rating", "cluster_model",
    "cluster_model_use", "classification", "classification_progress", "clinician_override",
    "rejected_row", "audit_log",
    // The web app's accounts and sessions stay out of an analysts' copy; the
    // month summaries too (the copy's first report rebuilds them).
    "app_user", "app_user_department", "web_session", "month_summary"};

Error CopyError(const std::string& path, std::string message) {
  Error error;
  error.file = path;
  error.message = std::move(message);
  return error;
}

// SQL function pseudonym(text): NULL stays NULL.
void PseudonymFunction(sqlite3_context* context, int, sqlite3_value** values) {
  if (sqlite3_value_type(values[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* key = static_cast<const std::string_view*>(sqlite3_user_data(context));
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
  const std::string pseudonym =
      Pseudonym(*key, std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(values[0]))));
  sqlite3_result_text(context, pseudonym.data(), static_cast<int>(pseudonym.size()),
                      SQLITE_TRANSIENT);
}

Status CheckTablesAreKnown(Store& source) {
  SqlStatement tables(
      source, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (tables.Step()) {
    const std::string name(tables.Text(0));
    if (kKnownTables.count(name) == 0) {
      return CopyError(source.path(), "table \"" + name +
                                          "\" is not known to the pseudonymiser; no copy was "
                                          "written (update store/pseudonymised_copy.cc)");
    }
  }
  return tables.status();
}

Status CopyTables(Store& copy, const std::string& source_path) {
  SqlStatement attach(copy, "ATTACH DATABASE ? AS source");
  attach.BindText(1, source_path);
  Status status = attach.Run();
  if (!status.ok()) return status;
  status = copy.InTransaction([&]() -> Status {
    for (std::string_view sql : kCopyStatements) {
      Status copied = copy.Execute(std::string(sql));
      if (!copied.ok()) return copied;
    }
    return Status::Ok();
  });
  Status detached = copy.Execute("DETACH DATABASE source");
  return status.ok() ? detached : status;
}

Result<PseudonymisedCopySummary> Summarise(Store& copy) {
  SqlStatement count(copy, "SELECT count(*), count(DISTINCT patient_id) FROM measurement");
  PseudonymisedCopySummary summary;
  if (count.Step()) summary = {count.Int(0), count.Int(1)};
  if (!count.status().ok()) return count.status().error();
  return summary;
}

// Fills the new store at `path` from `source`.
Result<PseudonymisedCopySummary> FillCopy(Store& source, std::string_view key,
                                          const std::string& path,
                                          const std::string& on_behalf_of) {
  auto copy = Store::Open(path);
  if (!copy.ok()) return copy.error();
  Store& out = *copy.value();
  if (sqlite3_create_function(out.handle(), "pseudonym", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                              &key, PseudonymFunction, nullptr, nullptr) != SQLITE_OK) {
    return CopyError(path, "cannot register the pseudonym function");
  }
  Status status = CopyTables(out, source.path());
  if (status.ok()) {
    status = RecordAudit(out, on_behalf_of, "pseudonymised copy",
                         "made from store " + source.path() +
                             "; patient, clinician and user ids are keyed pseudonyms");
  }
  if (!status.ok()) return status.error();
  return Summarise(out);
}

}  // namespace

std::string Pseudonym(std::string_view key, std::string_view id) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(id.data()), id.size(), digest, &length);
  constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
}

Result<PseudonymisedCopySummary> WritePseudonymisedCopy(Store& source, std::string_view key,
                                                        const std::string& out_path,
                                                        const std::string& on_behalf_of) {
  std::error_code ignored;
  if (std::filesystem::exists(out_path, ignored)) {
    return CopyError(out_path, "already exists; a pseudonymised copy never replaces a file");
  }
  // The copy is made by SQLite itself (ATTACH and a pseudonym function), so
  // both ends are files; a PostgreSQL store is first copied to a file.
  if (source.dialect() != SqlDialect::kSqlite || IsPostgresqlUrl(out_path)) {
    return CopyError(source.path(),
                     "a pseudonymised copy is made from an SQLite store into a new SQLite file; "
                     "copy a PostgreSQL store to a file first (clusterpilot store copy)");
  }
  Status known = CheckTablesAreKnown(source);
  if (!known.ok()) return known.error();
  const std::string partial = out_path + ".partial-" + std::to_string(getpid());
  std::filesystem::remove(partial, ignored);
  Result<PseudonymisedCopySummary> summary = FillCopy(source, key, partial, on_behalf_of);
  // The copy's connection is closed here, so its WAL is folded into the file.
  if (summary.ok() && link(partial.c_str(), out_path.c_str()) != 0) {
    summary = CopyError(out_path, std::string("cannot be written: ") + std::strerror(errno));
  }
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(partial + suffix, ignored);
  return summary;
}

}  // namespace clusterpilot
