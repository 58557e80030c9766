// Errors as values: every problem a user can cause carries the place it
// happened (file, line, column), the field and the offending value, and a
// sentence for the person who has to fix the file.
#ifndef CLUSTERPILOT_CORE_ERROR_H_
#define CLUSTERPILOT_CORE_ERROR_H_

#include <string>
#include <utility>
#include <variant>

namespace clusterpilot {

struct Error {
  std::string file;     // empty when the problem is not tied to a file
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based; 0 when unknown
  std::string field;    // column name, element or option; may be empty
  std::string value;    // the offending value as written; may be empty
  std::string message;  // what is wrong and, where possible, what is allowed

  // Formats as `file:line:column: field "value": message`, leaving out the
  // parts that are empty, e.g.
  // `excel.csv:7: column "HV07": 5 is not a rating (0-4, or 9 for unknown)`.
  std::string ToString() const;
};

// Named ways to build an Error, so a call site says which parts it knows
// instead of spelling `Error{path, 0, 0, "", "", message}`.

// An error with only a message, for problems not tied to a place.
Error MakeError(std::string message);
// A problem with a whole file or folder: `path: message`.
Error FileError(std::string file, std::string message);
// A problem on one line of a file: `path:line: message`.
Error LineError(std::string file, int line, std::string message);
// A field's value on one line: `path:line: field "value": message`.
Error FieldError(std::string file, int line, std::string field, std::string value,
                 std::string message);

// Either a value or an Error; [[nodiscard]], so a caller cannot drop it
// unseen. Small on purpose: the code base does not throw
// across module boundaries, so each boundary returns one of these.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// The outcome of an operation that produces no value. Like Result it must
// be looked at: [[nodiscard]] turns an ignored failure into a compile error.
class [[nodiscard]] Status {
 public:
  static Status Ok() { return Status(); }
  Status(Error error) : ok_(false), error_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Status() = default;
  bool ok_ = true;
  Error error_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_ERROR_H_
