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

Error FileError(std::string file, std::string message) {
  return LineError(std::move(file), 0, std::move(message));
}

Error LineError(std::string file, int line, std::string message) {
  return FieldError(std::move(file), line, "", "", std::move(message));
}

Error FieldError(std::string file, int line, std::string field, std::string value,
                 std::string message) {
  Error error;
  error.file = std::move(file);
  error.line = line;
  error.field = std::move(field);
  error.value = std::move(value);
  error.message = std::move(message);
  return error;
}

}  // namespace clusterpilot
