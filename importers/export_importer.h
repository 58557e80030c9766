// Imports HoNOS+ export files into the store, one transaction per file: a
// file lands whole (its good rows, its rejected rows with reasons, its batch
// row and an audit entry) or not at all. The same content imported twice is
// recognised by its hash and adds nothing; a measurement already stored is
// skipped when identical and reported as a conflict (the stored one kept)
// when not.
//
// Parsing and storing overlap: a reader thread parses and validates while
// the calling thread writes, with a bounded queue between them, so memory
// stays flat for any file size.
#ifndef CLUSTERPILOT_IMPORTERS_EXPORT_IMPORTER_H_
#define CLUSTERPILOT_IMPORTERS_EXPORT_IMPORTER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "core/calendar_date.h"
#include "core/error.h"
#include "importers/import_summary.h"

namespace clusterpilot {

class Store;
class XmlExportReader;

struct ImportOptions {
  std::string path;          // .xml or .csv; other names are sniffed; "-" for standard input
  std::string rejects_path;  // "" for <path>.rejects.csv
  bool strict = false;       // the first row not stored rejects the whole file
  std::string user;          // for the batch and the audit log
  CalendarDate today;        // ratings after this day are rejected
  int listed_problems = 10;  // how many problems the summary keeps
  // The most read from standard input, a pipe or a device, which may never end.
  uint64_t max_stream_bytes = uint64_t{2048} << 20;
};

class ExportImporter {
 public:
  explicit ExportImporter(Store& store);
  ~ExportImporter();
  ExportImporter(const ExportImporter&) = delete;
  ExportImporter& operator=(const ExportImporter&) = delete;

  // Imports one file. An Error means nothing of the file was stored, not
  // even a batch: the file could not be read, broke the schema, lacked a
  // required column, held no measurement at all, or (with strict) had a row
  // that could not be stored. Otherwise the summary
  // tells what was stored and what not; rows not stored are also written to
  // the reject file. Call from one thread at a time.
  Result<ImportSummary> Import(const ImportOptions& options);

 private:
  Store& store_;
  std::unique_ptr<XmlExportReader> xml_reader_;  // made at the first XML file, grammar cached
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_EXPORT_IMPORTER_H_
