#include "core/error.h"

namespace clusterpilot {

std::string Error::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line);
    if (line > 0 && column > 0) out += ":" + std::to_string(column);
    out += ": ";
  }
  if (!field.empty()) {
    out += field;
    if (!value.empty()) out += " \"" + value + "\"";
    out += ": ";
  } else if (!value.empty()) {
    out += "\"" + value + "\": ";
  }
  out += message;
  return out;
}

Error MakeError(std::string message) {
  Error error;
  error.message = std::move(message);
  return error;
}

}  // namespace clusterpilot
