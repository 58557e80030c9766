// Text from the store or the command line, made safe to print on one line:
// whatever a user typed (a name with a newline, a file name with an escape
// sequence) cannot start a new line or forge output.
#ifndef CLUSTERPILOT_APP_ESCAPED_TEXT_H_
#define CLUSTERPILOT_APP_ESCAPED_TEXT_H_

#include <string>
#include <string_view>

namespace clusterpilot {

// C-style escapes: backslash as \\, newline, carriage return and tab as \n,
// \r and \t, every other control byte (0x00-0x1f, 0x7f) and each byte of
// `also_escape` as \xNN. Other bytes, UTF-8 included, pass unchanged.
std::string EscapedText(std::string_view text, std::string_view also_escape = "");

// The first control byte (0x00-0x1f or 0x7f) in `text`, or npos.
size_t FirstControlByte(std::string_view text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_APP_ESCAPED_TEXT_H_
