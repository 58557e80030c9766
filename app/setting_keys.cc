#include "app/setting_keys.h"

#include <algorithm>
#include <numeric>
#include <sstream>
#include <vector>

namespace clusterpilot {
namespace {

// A key that is read anywhere must be here; report.protection_interval,
// report.price_correlation and report.language are read by the disclosure
// audit, the price model and the Dutch edition.
constexpr SettingKey kSettingKeys[] = {
    {"classifier.model", "the model classify and override use (default: the built-in model)"},
    {"classifier.max_unknown_items", "more unknown items than this: insufficient_data"},
    {"report.suppress_below", "counts 1..N-1 are hidden in reports (at least 2; default 5)"},
    {"report.protection_interval", "values a hidden count must still be able to take (default 3)"},
    {"report.monte_carlo_draws", "draws of the report's uncertainty interval (100-1000000)"},
    {"report.price_correlation", "how closely the clusters' prices move together (0-1)"},
    {"report.language", "nl (default) or en"},
    {"report.valid_rating_months", "how long a rating stays valid at most, in months (default 12)"},
    {"report.allocation", "who receives a patient's payment: coordinator (default) or pro-rata"},
    {"import.listed_problems", "problems an import summary prints (default: 10)"},
    {"import.max_stream_mb", "the largest export read from standard input or a pipe, in MB"},
    {"due.discharged_after_months", "no revenue this many months: left out of due (default 3)"},
    {"patient.reliable_change_points", "the HoNOS total change that counts as reliable"},
    {"serve.certificate", "the TLS certificate (PEM) serve answers with; with serve.key"},
    {"serve.key", "the TLS private key (PEM) of serve.certificate"},
    {"serve.idle_timeout_seconds", "a web session ends after this long unused (default 900)"},
    {"serve.absolute_timeout_seconds", "a web session ends this long after login (default 36000)"},
    {"serve.threads", "threads (and store connections) answering requests (default 32)"},
    {"serve.recheck_seconds",
     "changes from outside (imports, user disable) reach serve within this (default 1)"},
    {"serve.reports_dir", "where the web's reports page keeps a folder per month"},
    {"serve.tariffs", "the tariff file the reports page writes a month's report with"},
    {"serve.revenue", "the revenue file of the reports page's reports (optional)"},
    {"serve.upload_limit_mb", "the largest export finance may upload, in MB (default 64)"},
    {"store.url", "the store when --db is not given: a file or postgresql://USER@HOST:PORT/DB"},
    {"audit.anchor_file", "a file outside the store that receives every new audit-log head"},
};

// Levenshtein distance, one row at a time.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool IsKnown(std::string_view key) {
  return std::any_of(std::begin(kSettingKeys), std::end(kSettingKeys),
                     [key](const SettingKey& known) { return key == known.key; });
}

std::string_view Trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// The line of the settings file where `key` is set; 0 when none is found
// (a key continued over lines, say).
int LineOf(const std::string& key, const std::string& file_text) {
  std::istringstream lines(file_text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const std::string_view text = Trimmed(line);
    if (Trimmed(text.substr(0, text.find_first_of("=:"))) == key) return number;
  }
  return 0;
}

}  // namespace

std::span<const SettingKey> KnownSettingKeys() { return kSettingKeys; }

std::string NearestSettingKey(std::string_view key) {
  const SettingKey* nearest =
      std::min_element(std::begin(kSettingKeys), std::end(kSettingKeys),
                       [key](const SettingKey& a, const SettingKey& b) {
                         return EditDistance(key, a.key) < EditDistance(key, b.key);
                       });
  return nearest->key;
}

Status CheckSettingKeys(const std::map<std::string, std::string>& values, const std::string& file,
                        const std::string& file_text) {
  const std::string* first = nullptr;
  int first_line = 0;
  for (const auto& [key, value] : values) {
    if (IsKnown(key)) continue;
    const int line = LineOf(key, file_text);
    if (first == nullptr || (line != 0 && (first_line == 0 || line < first_line))) {
      first = &key;
      first_line = line;
    }
  }
  if (first == nullptr) return Status::Ok();
  return FieldError(file, first_line, "setting", *first,
                    "not a known setting; did you mean \"" + NearestSettingKey(*first) + "\"?");
}

}  // namespace clusterpilot
