// How a CSV export is written, detected from its first bytes: the
// delimiter (';' from Dutch Excel, ',' or tab from other tools), a UTF-8
// byte-order mark, and Excel's optional "sep=;" first line.
#ifndef CLUSTERPILOT_IMPORTERS_CSV_DIALECT_H_
#define CLUSTERPILOT_IMPORTERS_CSV_DIALECT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace clusterpilot {

struct CsvDialect {
  char delimiter = ';';
  bool byte_order_mark = false;  // the file starts with the UTF-8 BOM
  size_t header_offset = 0;      // bytes before the header: BOM and a sep= line
  int header_line = 1;           // the 1-based line of the header

  // "';'", "','" or "tab", for the summary.
  std::string DelimiterName() const;
};

// Detects the dialect from `start`, the first bytes of the file (enough to
// hold the header line). The delimiter is the one of ';', ',' and tab that
// occurs most often outside quotes in the header line (';' on a tie), unless
// a "sep=X" line says otherwise.
CsvDialect DetectCsvDialect(std::string_view start);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_CSV_DIALECT_H_
