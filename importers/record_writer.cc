#include "importers/record_writer.h"

#include <utility>

#include "importers/reject_file_writer.h"

namespace clusterpilot {
namespace {

std::string RatingText(int8_t rating) {
  return rating == kUnknownRating ? "unknown" : std::to_string(rating);
}

std::string Quoted(const std::string& text) { return text.empty() ? "empty" : "\"" + text + "\""; }

std::string TypeText(char type) { return Quoted(type == 0 ? "" : std::string(1, type)); }

// Each field in which the two differ, with "X there, Y here".
std::vector<std::pair<ExportField, std::string>> Differences(const Measurement& stored,
                                                             const Measurement& here,
                                                             const FieldLabels& labels) {
  std::vector<std::pair<ExportField, std::string>> differences;
  auto add = [&](ExportField field, const std::string& there, const std::string& now) {
    differences.emplace_back(field, labels.names[field] + " " + there + " there, " + now + " here");
  };
  for (int item = 0; item < kItemCount; ++item) {
    if (stored.ratings[item] != here.ratings[item]) {
      add(ItemField(item), RatingText(stored.ratings[item]), RatingText(here.ratings[item]));
    }
  }
  if (stored.hv08_type != here.hv08_type) {
    add(kHv08TypeField, TypeText(stored.hv08_type), TypeText(here.hv08_type));
  }
  if (stored.supercluster != here.supercluster) {
    add(kSuperclusterField, Quoted(SuperclusterName(stored.supercluster)),
        Quoted(SuperclusterName(here.supercluster)));
  }
  if (stored.clinician != here.clinician) {
    add(kClinicianField, Quoted(stored.clinician), Quoted(here.clinician));
  }
  if (stored.route != here.route) {
    add(kRouteField, Quoted(RatingRouteName(stored.route)), Quoted(RatingRouteName(here.route)));
  }
  return differences;
}

}  // namespace

RowProblem DescribeConflict(int line, const Measurement& here, const StoredMeasurement& stored,
                            const FieldLabels& labels) {
  const auto differences = Differences(stored.measurement, here, labels);
  std::string reason = "already stored with other ratings (" + stored.file_name + ", line " +
                       std::to_string(stored.source_line) + "): ";
  for (size_t i = 0; i < differences.size(); ++i) {
    reason += (i == 0 ? "" : ", ") + differences[i].second;
  }
  reason += "; the stored measurement was kept";
  RowProblem problem;
  problem.line = line;
  problem.reason = std::move(reason);
  if (!differences.empty()) problem.field = labels.names[differences.front().first];
  return problem;
}

RecordWriter::RecordWriter(MeasurementWriter& writer, const FieldLabels& labels,
                           RecordWriterOptions options, ImportSummary* summary)
    : writer_(writer), labels_(labels), options_(std::move(options)), summary_(summary) {}

Status RecordWriter::Write(ImportRecord& record) {
  const size_t batch_size = writer_.preferred_batch_size();
  if (batch_size > 1) {
    pending_.push_back(std::move(record));
    return pending_.size() >= batch_size ? Flush() : Status::Ok();
  }
  if (!record.problems.empty()) return Settle(record, MeasurementWriter::Outcome::kStored, stored_);
  Result<MeasurementWriter::Outcome> outcome =
      writer_.Write(record.measurement, record.line, &stored_);
  if (!outcome.ok()) return outcome.error();
  return Settle(record, outcome.value(), stored_);
}

Status RecordWriter::Flush() {
  entries_.clear();
  for (const ImportRecord& record : pending_) {
    if (!record.problems.empty()) continue;
    MeasurementWriter::BatchEntry& entry = entries_.emplace_back();
    entry.measurement = &record.measurement;
    entry.source_line = record.line;
  }
  Status written = writer_.WriteBatch(entries_);
  if (!written.ok()) return written;
  static const MeasurementWriter::BatchEntry kNotWritten;  // a rejected record's
  size_t entry = 0;
  for (ImportRecord& record : pending_) {
    const MeasurementWriter::BatchEntry& settled_entry =
        record.problems.empty() ? entries_[entry++] : kNotWritten;
    Status settled = Settle(record, settled_entry.outcome, settled_entry.stored);
    if (!settled.ok()) return settled;
  }
  pending_.clear();
  return Status::Ok();
}

// Counts a record whose outcome is known (a record with problems has none)
// and keeps its problems.
Status RecordWriter::Settle(ImportRecord& record, MeasurementWriter::Outcome outcome,
                            const StoredMeasurement& stored) {
  ImportCounts& counts = summary_->counts;
  ++counts.read;
  if (!record.problems.empty()) {
    ++counts.rejected;
    return Reject(record, record.problems);
  }
  switch (outcome) {
    case MeasurementWriter::Outcome::kStored:
      ++counts.stored;
      return Status::Ok();
    case MeasurementWriter::Outcome::kSkipped:
      ++counts.skipped;
      return Status::Ok();
    case MeasurementWriter::Outcome::kConflict:
      break;
  }
  ++counts.conflicts;
  // XML keeps no row text for valid rows; the canonical columns do.
  if (record.row_text.empty()) record.row_text = CanonicalRejectRow(record.measurement);
  return Reject(record, {DescribeConflict(record.line, record.measurement, stored, labels_)});
}

Status RecordWriter::Reject(const ImportRecord& record, const std::vector<RowProblem>& problems) {
  for (const RowProblem& problem : problems) {
    ++summary_->problem_count;
    if (static_cast<int>(summary_->first_problems.size()) < options_.listed_problems) {
      summary_->first_problems.push_back(
          RowProblemError(options_.display_name, labels_.kind, problem));
    }
  }
  if (options_.strict) {
    strict_problems_ = problems;
    strict_row_text_ = record.row_text;
    Error error = RowProblemError(options_.display_name, labels_.kind, problems.front());
    error.message += " (--strict: the whole file was rejected)";
    return error;
  }
  for (const RowProblem& problem : problems) {
    Status recorded =
        writer_.RecordRejection(RejectedRow{writer_.batch_id(), problem.line, problem.field,
                                            problem.value, problem.reason, record.row_text});
    if (!recorded.ok()) return recorded;
  }
  return Status::Ok();
}

}  // namespace clusterpilot
