// Reads the small ';'-separated files finance staff keep in Dutch Excel
// (tariffs, revenue): UTF-8 with or without a byte-order mark, or the
// Windows-1252 that "CSV (gescheiden door lijstscheidingsteken)" writes;
// quoted cells may hold ';', quotes and line breaks; any line end (LF, CRLF,
// CR). Parsing is core's DelimitedReader, the one libcsv reader.
#ifndef CLUSTERPILOT_REPORTS_DELIMITED_FILE_H_
#define CLUSTERPILOT_REPORTS_DELIMITED_FILE_H_

#include <functional>
#include <string>
#include <vector>

#include "core/delimited_reader.h"
#include "core/error.h"

namespace clusterpilot {

// Reads a file whose first row must be `header` (see CheckHeader) and hands
// each row after it to `each` as it is read, without holding the rows (a
// revenue file of 250,000 rows took 45 MB as rows): its cells trimmed of
// surrounding spaces, blank rows and comment rows (first cell starting
// with '#', as in data/demo_tariffs.csv) left out. The row is valid only
// during the call. Stops at the first error `each` returns; an empty file
// is an error naming the header. Errors name the file.
using DataRowCallback = std::function<Status(const DelimitedRow& row)>;
Status ForEachDataRow(const std::string& path, const std::vector<std::string>& header,
                      const DataRowCallback& each);

// Checks that `header` (the first row) holds `expected` column names, in
// that order, ignoring case and surrounding spaces. The error names the file,
// the line and the expected header.
Status CheckHeader(const std::string& path, const DelimitedRow& header,
                   const std::vector<std::string>& expected);

// "cluster;tariff_low;tariff_expected;tariff_high".
std::string JoinHeader(const std::vector<std::string>& names);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_DELIMITED_FILE_H_
