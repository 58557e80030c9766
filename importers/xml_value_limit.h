// Bounds the memory of an XML parse by looking at the bytes before the
// parser does. Xerces keeps a whole attribute value (as UTF-16, copied
// several times) before the schema can refuse it: a 200 MB attribute cost
// 1.7 GB. This scanner follows tags, quotes and text just enough to know
// how long the current value, name or text run is, and refuses the file as
// soon as one passes kMaxValueBytes (core/delimited_reader.h), the limit the
// CSV reader holds values to.
#ifndef CLUSTERPILOT_IMPORTERS_XML_VALUE_LIMIT_H_
#define CLUSTERPILOT_IMPORTERS_XML_VALUE_LIMIT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

class XmlValueLimit {
 public:
  explicit XmlValueLimit(std::string display_name) : display_name_(std::move(display_name)) {}

  // Scans the next bytes of the document. Returns the error (file, the line
  // where the value starts, the attribute when it is one, the limit) at the
  // first value over the limit; after that every call returns it again.
  std::optional<Error> Scan(std::string_view bytes);

 private:
  bool Step(char c);
  void StartRun();
  Error TooLong() const;

  std::string display_name_;
  int line_ = 1;
  int run_line_ = 1;      // where the current run started
  size_t run_bytes_ = 0;  // bytes since the last tag, quote or space in a tag
  bool in_tag_ = false;
  bool in_comment_ = false;
  unsigned comment_tail_ = 0;  // the last three bytes of a comment, two bits each
  bool name_ended_ = false;    // a space or '=' ended the name; the next byte starts another
  char quote_ = 0;             // the quote of the attribute value being read
  std::string name_;           // the name being read in a tag (at most 64 bytes kept)
  std::string attribute_;      // the attribute whose value is being read
  std::optional<Error> error_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_XML_VALUE_LIMIT_H_
