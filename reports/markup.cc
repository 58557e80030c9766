#include "reports/markup.h"

#include "core/xml_text.h"

namespace clusterpilot {

std::string EscapeMarkup(std::string_view text) {
  return EscapeXmlCharacters(text, XmlPlace::kAttribute);
}

}  // namespace clusterpilot
