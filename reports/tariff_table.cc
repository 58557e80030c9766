#include "reports/tariff_table.h"

#include <vector>

#include "core/care_cluster.h"
#include "reports/delimited_file.h"
#include "reports/dutch_number.h"

namespace clusterpilot {
namespace {

const std::vector<std::string> kHeader = {"cluster", "tariff_low", "tariff_expected",
                                          "tariff_high"};

// "4", "04" or "ZT04" into 4 (core's one cluster parser); 0 when none.
int ParseClusterNumber(const std::string& text) { return ParseCareCluster(text).value_or(0); }

Error RowError(const std::string& path, const DelimitedRow& row, int column, std::string message) {
  return FieldError(path, row.line, kHeader[column], row.cells[column], std::move(message));
}

Result<int64_t> ReadAmount(const std::string& path, const DelimitedRow& row, int column) {
  int64_t cents = 0;
  std::string problem;
  if (!ParseEuroCents(row.cells[column], &cents, &problem)) {
    return RowError(path, row, column, problem);
  }
  if (cents < 0) return RowError(path, row, column, "a tariff cannot be negative");
  return cents;
}

Status CheckOrder(const std::string& path, const DelimitedRow& row, const ClusterTariff& tariff) {
  const std::string rule = "; each row needs tariff_low <= tariff_expected <= tariff_high";
  if (tariff.low_cents > tariff.expected_cents) {
    return RowError(
        path, row, 1,
        "is above tariff_expected (" + FormatPlainCents(tariff.expected_cents) + ")" + rule);
  }
  if (tariff.expected_cents > tariff.high_cents) {
    return RowError(
        path, row, 3,
        "is below tariff_expected (" + FormatPlainCents(tariff.expected_cents) + ")" + rule);
  }
  return Status::Ok();
}

Status CheckEveryClusterPriced(const std::string& path,
                               const std::array<int, kClusterSlots>& lines) {
  std::string missing;
  for (int cluster = 1; cluster < kClusterSlots; ++cluster) {
    if (IsCareCluster(cluster) && lines[cluster] == 0) {
      missing += (missing.empty() ? "" : ", ") + std::to_string(cluster);
    }
  }
  if (missing.empty()) return Status::Ok();
  return FieldError(
      path, 0, "cluster", "",
      "no tariffs for cluster " + missing + " (every cluster 1-8 and 10-21 needs a row)");
}

// One row: a cluster priced once, its three amounts in order.
Status ReadTariffRow(const std::string& path, const DelimitedRow& row,
                     std::array<int, kClusterSlots>* line_of_cluster, TariffTable* table) {
  if (row.cells.size() != kHeader.size()) {
    return LineError(path, row.line,
                     "expected 4 columns (" + JoinHeader(kHeader) + "), found " +
                         std::to_string(row.cells.size()));
  }
  const int cluster = ParseClusterNumber(row.cells[0]);
  if (cluster == 0) {
    return RowError(path, row, 0, "not a cluster number (1-8 or 10-21, or ZT01-ZT21)");
  }
  if ((*line_of_cluster)[cluster] != 0) {
    return RowError(path, row, 0,
                    "cluster " + std::to_string(cluster) + " already has tariffs on line " +
                        std::to_string((*line_of_cluster)[cluster]));
  }
  (*line_of_cluster)[cluster] = row.line;
  ClusterTariff tariff;
  int64_t* amounts[] = {&tariff.low_cents, &tariff.expected_cents, &tariff.high_cents};
  for (int column = 1; column <= 3; ++column) {
    Result<int64_t> amount = ReadAmount(path, row, column);
    if (!amount.ok()) return amount.error();
    *amounts[column - 1] = amount.value();
  }
  Status ordered = CheckOrder(path, row, tariff);
  if (!ordered.ok()) return ordered;
  table->by_cluster[cluster] = tariff;
  return Status::Ok();
}

}  // namespace

Result<TariffTable> ReadTariffTable(const std::string& path) {
  TariffTable table;
  table.file_name = path;
  std::array<int, kClusterSlots> line_of_cluster{};
  Status read = ForEachDataRow(path, kHeader, [&](const DelimitedRow& row) {
    return ReadTariffRow(path, row, &line_of_cluster, &table);
  });
  if (!read.ok()) return read.error();
  Status complete = CheckEveryClusterPriced(path, line_of_cluster);
  if (!complete.ok()) return complete.error();
  return table;
}

}  // namespace clusterpilot
