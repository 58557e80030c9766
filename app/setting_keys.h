// The one table of settings the tool knows (keys of clusterpilot.properties),
// so a misspelt key is an error that names the nearest known key instead of
// a setting silently ignored.
#ifndef CLUSTERPILOT_APP_SETTING_KEYS_H_
#define CLUSTERPILOT_APP_SETTING_KEYS_H_

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

struct SettingKey {
  const char* key;      // "report.suppress_below"
  const char* meaning;  // one line, as the README's settings section says it
};

// Every key the tool reads, in the order the README lists them.
std::span<const SettingKey> KnownSettingKeys();

// The known key with the fewest single-character edits (insert, delete,
// substitute) from `key`; the first in table order on a tie.
std::string NearestSettingKey(std::string_view key);

// Ok when every key of `values` is known. Otherwise the first unknown key
// (in the file's order), as
// `FILE:LINE: setting "report.supress_below": not a known setting; did you mean
// "report.suppress_below"?` where `file_text` (the settings file's contents) gives the line.
Status CheckSettingKeys(const std::map<std::string, std::string>& values, const std::string& file,
                        const std::string& file_text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_SETTING_KEYS_H_
