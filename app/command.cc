#include "app/command.h"

#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "app/command_handlers.h"
#include "app/escaped_text.h"
#include "store/audit_log.h"

namespace clusterpilot {

std::string Settings::GetString(const std::string& key, const std::string& fallback) const {
  auto found = values_.find(key);
  return found == values_.end() ? fallback : found->second;
}

double Settings::GetDouble(const std::string& key, double fallback, std::string* error) const {
  auto found = values_.find(key);
  if (found == values_.end()) return fallback;
  char* end = nullptr;
  const double value = std::strtod(found->second.c_str(), &end);
  if (found->second.empty() || *end != '\0') {
    if (error != nullptr)
      *error = "setting " + key + " = \"" + found->second + "\" is not a number";
    return fallback;
  }
  return value;
}

int Settings::GetInt(const std::string& key, int fallback, std::string* error) const {
  std::string local_error;
  const double value = GetDouble(key, fallback, &local_error);
  if (local_error.empty() && value != static_cast<int>(value)) {
    local_error = "setting " + key + " = \"" + GetString(key, "") + "\" is not a whole number";
  }
  if (!local_error.empty()) {
    if (error != nullptr) *error = local_error;
    return fallback;
  }
  return static_cast<int>(value);
}

int Settings::GetIntBetween(const std::string& key, int fallback, int low, int high,
                            std::string* error) const {
  const int value = GetInt(key, fallback, error);
  if (error->empty() && (value < low || value > high)) {
    *error = "setting " + key + " must be between " + std::to_string(low) + " and " +
             std::to_string(high);
  }
  return value;
}

Result<CalendarMonth> CommandContext::Month(const std::string& option) const {
  Result<CalendarMonth> month = CalendarMonth::Parse(Get(option));
  if (!month.ok()) {
    Error error = month.error();
    error.field = "--" + option;
    return error;
  }
  return month;
}

std::string CommandContext::Get(const std::string& option, const std::string& fallback) const {
  auto found = options.find(option);
  return found == options.end() ? fallback : found->second;
}

std::vector<std::string> CommandContext::GetAll(const std::string& option) const {
  auto found = repeated.find(option);
  return found == repeated.end() ? std::vector<std::string>() : found->second;
}

std::string CommandContext::User() const {
  const std::string by = Get("by");
  return by.empty() ? OperatingSystemUser() : by;
}

std::string CommandContext::ByOptionProblem() const {
  if (!Has("by")) return "";
  const std::string by = Get("by");
  const std::string shown = "--by \"" + EscapedText(by) + "\": ";
  const size_t control = FirstControlByte(by);
  if (control != std::string::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(by[control]));
    return shown + "byte " + byte + " at position " + std::to_string(control + 1) +
           " is a control character; give the name of a person or account";
  }
  if (by.find_first_not_of(" \t") == std::string::npos) {
    return shown + "is blank; give the name of a person or account";
  }
  return "";
}

int CommandContext::Fail(const Error& error, int exit_code) const {
  return Fail(error.ToString(), exit_code);
}

int CommandContext::Fail(const std::string& message, int exit_code) const {
  *err << "clusterpilot " << command << ": " << message << "\n";
  return exit_code;
}

}  // namespace clusterpilot
