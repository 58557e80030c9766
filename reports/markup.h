// Escaping text for HTML and SVG that is also well-formed XML.
#ifndef CLUSTERPILOT_REPORTS_MARKUP_H_
#define CLUSTERPILOT_REPORTS_MARKUP_H_

#include <string>
#include <string_view>

namespace clusterpilot {

// Replaces & < > " ' by character references.
std::string EscapeMarkup(std::string_view text);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MARKUP_H_
