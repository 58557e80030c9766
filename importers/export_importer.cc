#include "importers/export_importer.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "core/column_aliases.h"
#include "importers/content_hash.h"
#include "importers/csv_export_reader.h"
#include "importers/import_record.h"
#include "importers/record_writer.h"
#include "importers/reject_file_writer.h"
#include "importers/spooled_input.h"
#include "importers/xml_export_reader.h"
#include "store/audit_log.h"
#include "store/measurement_writer.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr size_t kQueuedBatches = 8;

enum class ExportFormat { kCsv, kXml };

std::string LowerExtension(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

// By the extension of `name`; anything else (.txt from an EPD, standard
// input) by the first character of the bytes at `path`.
ExportFormat DetectFormat(const std::string& name, const std::string& path) {
  const std::string extension = LowerExtension(name);
  if (extension == ".xml") return ExportFormat::kXml;
  if (extension == ".csv") return ExportFormat::kCsv;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return ExportFormat::kCsv;  // the reader reports why
  char start[64] = {};
  const size_t read = std::fread(start, 1, sizeof start, file);
  std::fclose(file);
  for (size_t i = 0; i < read; ++i) {
    const unsigned char c = static_cast<unsigned char>(start[i]);
    if (c == 0xEF || c == 0xBB || c == 0xBF || std::isspace(c)) continue;  // BOM, blanks
    return c == '<' ? ExportFormat::kXml : ExportFormat::kCsv;
  }
  return ExportFormat::kCsv;
}

// "reden" beside Dutch column names, "reason" beside English ones.
std::string ReasonColumn(const HeaderMapping& mapping) {
  const std::string date = FoldColumnName(mapping.NameOf(kDateField));
  return date.find("datum") != std::string::npos ? "reden" : "reason";
}

FieldLabels CsvLabels(const HeaderMapping& mapping) {
  FieldLabels labels;
  labels.kind = "column";
  for (int field = 0; field < kExportFieldCount; ++field) {
    labels.names[field] = mapping.NameOf(static_cast<ExportField>(field));
    if (labels.names[field].empty())
      labels.names[field] = ExportFieldName(static_cast<ExportField>(field));
  }
  return labels;
}

// Joins the thread on every way out of the import; a writer that gives up
// closes the queue first so the reader stops.
class ReaderThread {
 public:
  ReaderThread(RecordQueue& queue, std::function<void()> work)
      : queue_(queue), thread_(std::move(work)) {}
  ~ReaderThread() { Join(); }
  void Join() {
    if (!thread_.joinable()) return;
    queue_.Close();
    thread_.join();
  }

 private:
  RecordQueue& queue_;
  std::thread thread_;
};

// Everything one file's import needs while it runs.
struct FileImport {
  explicit FileImport(const ImportOptions& import_options)
      : options(import_options),
        display_name(import_options.path == "-" ? "standard input" : import_options.path) {}

  const ImportOptions& options;
  std::string display_name;
  std::string source_path;  // where the bytes are read: the file, or the copy of a stream
  ExportFormat format = ExportFormat::kCsv;
  std::unique_ptr<CsvExportReader> csv;
  XmlExportReader* xml = nullptr;
  FieldLabels labels;
  ImportSummary summary;
  char reject_delimiter = ';';
  std::vector<std::string> reject_columns;
  std::string reason_column = "reason";
  // With --strict: the row that failed the file, for the reject file.
  std::vector<RowProblem> strict_problems;
  std::string strict_row_text;
};

Status ReadAll(FileImport& import, RecordProducer& producer) {
  if (import.format == ExportFormat::kCsv) {
    const char delimiter = import.csv->dialect().delimiter;
    return import.csv->ReadRows([&](const RawMeasurement& raw,
                                    const std::vector<std::string>& cells) {
      return producer.Add(raw, [&](std::string* text) { AppendCsvRow(cells, delimiter, text); });
    });
  }
  return import.xml->Read(import.source_path, import.display_name, [&](const RawMeasurement& raw) {
    return producer.Add(raw, [&](std::string* text) { *text = CanonicalRejectRow(raw); });
  });
}

// A rough count from the file size: a measurement takes about 120 bytes as
// CSV and 330 as XML.
int64_t ExpectedRows(const FileImport& import) {
  std::error_code ignored;
  const auto bytes = static_cast<int64_t>(std::filesystem::file_size(import.source_path, ignored));
  return bytes / (import.format == ExportFormat::kCsv ? 120 : 330);
}

// The name the batch records: the file's name, "stdin" for standard input.
std::string BatchFileName(const std::string& path) {
  if (path == "-") return "stdin";
  return std::filesystem::path(path).filename().string();
}

// Where the reject file goes unless --rejects says: beside the file, or in
// the working directory for standard input and devices (/dev/stdin).
std::string DefaultRejectsPath(const std::string& path) {
  if (path == "-" || path.starts_with("/dev/")) return BatchFileName(path) + ".rejects.csv";
  return path + ".rejects.csv";
}

// Why a file gave no data rows, with what the reader saw: the usual cause
// is line ends or a delimiter other than the reader took them for.
Error NoMeasurements(const FileImport& import) {
  std::string reason;
  if (import.csv) {
    const CsvExportReader& csv = *import.csv;
    reason = "the file holds only the header (line " + std::to_string(csv.header_line()) +
             ") and no data rows; line ends seen: " + csv.line_ends().Describe() + "; delimiter " +
             csv.dialect().DelimiterName();
  } else {
    reason = "the file holds no <measurement> elements";
  }
  return MakeError("no measurements found in " + import.display_name + ": " + reason +
                   ". Nothing was recorded; import the file again once it holds measurements");
}

// Runs inside the file's transaction: batch row, reader thread, writes,
// counts, audit entry.
Status ImportInTransaction(Store& store, FileImport& import, const std::string& content_hash) {
  Result<std::optional<PreviousImport>> previous = FindImportByHash(store, content_hash);
  if (!previous.ok()) return previous.error();
  if (previous.value()) {
    import.summary.previous = previous.value();
    return Status::Ok();
  }
  const std::string file_name = BatchFileName(import.options.path);
  Result<std::unique_ptr<MeasurementWriter>> writer = MeasurementWriter::Begin(
      store,
      ImportBatchInfo{file_name, content_hash, import.format == ExportFormat::kCsv ? "csv" : "xml",
                      import.options.user},
      ExpectedRows(import));
  if (!writer.ok()) return writer.error();
  import.summary.batch_id = writer.value()->batch_id();

  const RowValidator validator(import.labels, import.options.today);
  RecordQueue queue(kQueuedBatches);
  RecordQueue recycled(kQueuedBatches + 2);
  RecordProducer producer(queue, recycled, validator, import.format == ExportFormat::kCsv);
  Status read_status = Status::Ok();
  ReaderThread reader(queue, [&] {
    read_status = ReadAll(import, producer);
    producer.Finish();
  });

  RecordWriter records(*writer.value(), import.labels,
                       {import.display_name, import.options.strict, import.options.listed_problems},
                       &import.summary);
  auto failed = [&](Status written) {
    import.strict_problems = records.strict_problems();
    import.strict_row_text = records.strict_row_text();
    return written;  // the reader is stopped and joined on the way out
  };
  while (std::optional<RecordBatch> batch = queue.Pop()) {
    for (ImportRecord& record : *batch) {
      Status written = records.Write(record);
      if (!written.ok()) return failed(written);
    }
    recycled.TryPush(std::move(*batch));
  }
  reader.Join();
  if (Status flushed = records.Flush(); !flushed.ok()) return failed(flushed);
  if (!read_status.ok()) return read_status;
  // Recording an empty batch would mark the content imported, and the
  // fixed file would then be "already imported": refuse it instead.
  if (import.summary.counts.read == 0) return NoMeasurements(import);

  Status finished = writer.value()->Finish(import.summary.counts);
  if (!finished.ok()) return finished;
  const ImportCounts& counts = import.summary.counts;
  return RecordAudit(store, import.options.user, "import",
                     "batch " + std::to_string(import.summary.batch_id) + ": " + file_name + " (" +
                         std::to_string(counts.stored) + " stored, " +
                         std::to_string(counts.skipped) + " skipped, " +
                         std::to_string(counts.conflicts) + " conflicts, " +
                         std::to_string(counts.rejected) + " rejected)");
}

std::string JoinReasons(const std::vector<RowProblem>& problems, const std::string& kind) {
  std::string reasons;
  for (const RowProblem& problem : problems) {
    RowProblem unplaced = problem;
    unplaced.line = 0;
    if (!reasons.empty()) reasons += "; ";
    reasons += RowProblemError("", kind, unplaced).ToString();
  }
  return reasons;
}

// The reject file from what the committed batch kept, one line per row.
Status WriteRejectFile(Store& store, FileImport& import) {
  auto file = RejectFileWriter::Create(import.summary.rejects_path, import.reject_delimiter,
                                       import.reject_columns, import.reason_column);
  if (!file.ok()) return file.error();
  if (!import.strict_problems.empty()) {
    file.value()->WriteRow(import.strict_row_text,
                           JoinReasons(import.strict_problems, import.labels.kind));
    return file.value()->Finish();
  }
  int line = -1;
  std::string row_text;
  std::vector<RowProblem> problems;
  auto flush = [&] {
    if (!problems.empty())
      file.value()->WriteRow(row_text, JoinReasons(problems, import.labels.kind));
    problems.clear();
  };
  Status read = ForEachRejectedRow(store, import.summary.batch_id, [&](const RejectedRow& row) {
    if (row.line != line) {
      flush();
      line = row.line;
      row_text = row.raw_row;
    }
    problems.push_back(RowProblem{row.line, row.field, row.value, row.reason});
  });
  flush();
  if (!read.ok()) return read;
  return file.value()->Finish();
}

}  // namespace

ExportImporter::ExportImporter(Store& store) : store_(store) {}

ExportImporter::~ExportImporter() = default;

Result<ImportSummary> ExportImporter::Import(const ImportOptions& options) {
  FileImport import(options);
  import.summary.file_name = import.display_name;
  import.summary.rejects_path =
      options.rejects_path.empty() ? DefaultRejectsPath(options.path) : options.rejects_path;

  // A stream is read once, into a copy, hashed on the way; a file is hashed
  // first so content imported before costs no parsing.
  std::unique_ptr<SpooledInput> spooled;
  std::string hash;
  if (SpooledInput::IsStream(options.path)) {
    auto copy = SpooledInput::Copy(options.path, import.display_name, options.max_stream_bytes);
    if (!copy.ok()) return copy.error();
    spooled = std::move(copy).value();
    import.source_path = spooled->path();
    hash = spooled->content_hash();
  } else {
    import.source_path = options.path;
    Result<std::string> hashed = ContentHash(options.path, import.display_name);
    if (!hashed.ok()) return hashed.error();
    hash = std::move(hashed).value();
  }
  import.format = DetectFormat(options.path, import.source_path);

  if (import.format == ExportFormat::kCsv) {
    auto csv = CsvExportReader::Open(import.source_path, import.display_name);
    if (!csv.ok()) return csv.error();
    import.csv = std::move(csv).value();
    import.labels = CsvLabels(import.csv->mapping());
    import.summary.format = "CSV";
    import.summary.unknown_columns = import.csv->mapping().unknown_columns;
    import.reject_delimiter = import.csv->dialect().delimiter;
    import.reject_columns = import.csv->mapping().header;
    import.reason_column = ReasonColumn(import.csv->mapping());
  } else {
    if (!xml_reader_) {
      auto xml = XmlExportReader::Create();
      if (!xml.ok()) return xml.error();
      xml_reader_ = std::move(xml).value();
    }
    import.xml = xml_reader_.get();
    import.labels = XmlExportReader::Labels();
    import.summary.format = "XML";
    import.summary.details = "valid against the HoNOS+ export schema";
    import.reject_columns = CanonicalRejectColumns();
  }

  // A first load into a store without measurements writes each page once,
  // through the rollback journal.
  Status imported = store_.InBulkWriteIfEmpty("measurement", [&] {
    return store_.InTransaction([&] { return ImportInTransaction(store_, import, hash); });
  });
  if (import.csv) {
    import.summary.details =
        "delimiter " + import.csv->dialect().DelimiterName() + ", " + import.csv->EncodingName();
  }
  if (!imported.ok()) {
    if (!import.strict_problems.empty()) {
      Status written = WriteRejectFile(store_, import);
      (void)written;  // the import error says more than a failed reject file
    }
    return imported.error();
  }
  if (import.summary.HasProblems()) {
    // The rows are stored by now; a reject file that fails is only reported.
    Status written = WriteRejectFile(store_, import);
    if (!written.ok()) {
      import.summary.rejects_path.clear();
      import.summary.rejects_problem = written.error().ToString();
    }
  } else {
    import.summary.rejects_path.clear();
  }
  return import.summary;
}

}  // namespace clusterpilot
