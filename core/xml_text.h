// Text inside XML (and the HTML/SVG the reports write, which is also
// well-formed XML): one escaper for every writer, so that a value reads back
// exactly as it was and a character XML 1.0 forbids never reaches a file.
#ifndef CLUSTERPILOT_CORE_XML_TEXT_H_
#define CLUSTERPILOT_CORE_XML_TEXT_H_

#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

// Where the text goes. An attribute value needs the most: & < > " ' as
// &amp; &lt; &gt; &quot; &#39;, and tab, LF and CR as &#9; &#10; &#13;
// (a parser would turn literal ones into spaces). Element content keeps
// ' tab and LF literal, so a description stays readable, and escapes
// & < > " and CR (a parser would turn a literal CR into LF). Text for both
// (HTML whose pieces may land in either) takes kAttribute.
enum class XmlPlace { kAttribute, kElement };

// Appends `text` (UTF-8) to *out escaped for `place`. Refuses what XML 1.0
// does not allow:
// C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and bytes that are not
// UTF-8 (lone surrogates included). The error's value names the character
// ("U+0007", or "byte 0xFF"), its message says where it is; *out then holds
// the text escaped up to that character.
[[nodiscard]] Status AppendXmlText(std::string_view text, XmlPlace place, std::string* out);

// The same, returning the escaped text.
Result<std::string> EscapeXmlText(std::string_view text, XmlPlace place);

// Checks a whole document the program assembled (from pieces escaped with
// EscapeXmlCharacters) for a character XML 1.0 forbids; the same error as
// AppendXmlText.
[[nodiscard]] Status CheckXmlCharacters(std::string_view text);

// Only the character references of AppendXmlText, without the check, for
// callers that build a document from many small pieces and run
// CheckXmlCharacters once over the whole (the HTML report).
std::string EscapeXmlCharacters(std::string_view text, XmlPlace place);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_XML_TEXT_H_
