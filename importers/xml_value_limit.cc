#include "importers/xml_value_limit.h"

#include "core/delimited_reader.h"

namespace clusterpilot {
namespace {

constexpr size_t kKeptNameBytes = 64;

bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

void XmlValueLimit::StartRun() {
  run_bytes_ = 0;
  run_line_ = line_;
}

Error XmlValueLimit::TooLong() const {
  Error error;
  error.file = display_name_;
  error.line = run_line_;
  const std::string limit = std::to_string(kMaxValueBytes / 1024) + " KB, the limit for any value";
  if (quote_ != 0) {
    error.field = "attribute \"" + attribute_ + "\"";
    error.message = "the value is longer than " + limit;
  } else {
    error.message = "a name or text starting on this line is longer than " + limit;
  }
  return error;
}

std::optional<Error> XmlValueLimit::Scan(std::string_view bytes) {
  if (error_) return error_;
  for (char c : bytes) {
    if (c == '\n') ++line_;
    if (Step(c) && ++run_bytes_ > kMaxValueBytes) {
      error_ = TooLong();
      return error_;
    }
  }
  return std::nullopt;
}

// Moves the state on by one byte; true when the byte lengthens the run.
bool XmlValueLimit::Step(char c) {
  if (in_comment_) {  // quotes in a comment open nothing
    comment_tail_ = (comment_tail_ << 2 | (c == '-' ? 1u : c == '>' ? 2u : 0u)) & 0x3Fu;
    if (comment_tail_ == 0x16) {  // "-", "-", ">"
      in_comment_ = in_tag_ = false;
      StartRun();
      return false;
    }
    return true;
  }
  if (quote_ != 0) {  // inside an attribute value
    if (c != quote_) return true;
    quote_ = 0;
    name_ended_ = true;
    StartRun();
    return false;
  }
  if (!in_tag_) {
    if (c != '<') return true;
    in_tag_ = true;
    name_.clear();
    name_ended_ = false;
    StartRun();
    return false;
  }
  if (c == '"' || c == '\'') {
    quote_ = c;
    attribute_ = name_;
    StartRun();
    return false;
  }
  if (c == '>' || IsTagSpace(c) || c == '=') {
    in_tag_ = c != '>';
    name_ended_ = true;
    StartRun();
    return false;
  }
  if (name_ended_) name_.clear();
  name_ended_ = false;
  if (name_.size() < kKeptNameBytes) name_ += c;
  if (name_ == "!--") {
    in_comment_ = true;
    comment_tail_ = 0;
  }
  return true;
}

}  // namespace clusterpilot
