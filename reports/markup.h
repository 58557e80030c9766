// Escaping text for HTML and SVG that is also well-formed XML.
#ifndef CLUSTERPILOT_REPORTS_MARKUP_H_
#define CLUSTERPILOT_REPORTS_MARKUP_H_

#include <string>
#include <string_view>

namespace clusterpilot {

// Replaces & < > " ' tab LF CR by character references (core/xml_text.h,
// the attribute rules, which suit text and attributes alike). Forbidden
// characters are refused once over the whole document: see
// CheckXmlCharacters, called where the report is written.
std::string EscapeMarkup(std::string_view text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MARKUP_H_
