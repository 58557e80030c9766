#include "core/xml_text.h"

#include <cstdint>
#include <cstdio>

namespace clusterpilot {
namespace {

// The reference for a character that needs one in `place`; nullptr for the
// others.
const char* Reference(char c, XmlPlace place) {
  if (place == XmlPlace::kElement && (c == '\'' || c == '\t' || c == '\n')) return nullptr;
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";  // &apos; is not HTML 4; the number reads the same in both
    case '\t':
      return "&#9;";
    case '\n':
      return "&#10;";
    case '\r':
      return "&#13;";
    default:
      return nullptr;
  }
}

Error Forbidden(const std::string& what, size_t offset, const char* why) {
  Error error;
  error.value = what;
  error.message = std::string(why) + " (byte " + std::to_string(offset + 1) + " of the text)";
  return error;
}

std::string CodePointName(uint32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(code_point));
  return buffer;
}

std::string ByteName(unsigned char byte) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "byte 0x%02X", static_cast<unsigned>(byte));
  return buffer;
}

// The length of the UTF-8 sequence at text[offset] and its code point; 0
// when the bytes there are not UTF-8 (overlong, truncated, a surrogate or
// beyond U+10FFFF).
size_t DecodeUtf8(std::string_view text, size_t offset, uint32_t* code_point) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  size_t length = 0;
  uint32_t minimum = 0;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, *code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, *code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, *code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (offset + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[offset + i]);
    if ((next & 0xC0) != 0x80) return 0;
    *code_point = (*code_point << 6) | (next & 0x3F);
  }
  const bool surrogate = *code_point >= 0xD800 && *code_point <= 0xDFFF;
  if (*code_point < minimum || *code_point > 0x10FFFF || surrogate) return 0;
  return length;
}

// Checks the character at text[offset]; on success sets *length to its
// size in bytes.
Status CheckCharacter(std::string_view text, size_t offset, size_t* length) {
  uint32_t code_point = 0;
  *length = DecodeUtf8(text, offset, &code_point);
  if (*length == 0) {
    return Forbidden(ByteName(static_cast<unsigned char>(text[offset])), offset,
                     "is not UTF-8 (or encodes a lone surrogate), which XML 1.0 does not allow");
  }
  const bool control =
      code_point < 0x20 && code_point != '\t' && code_point != '\n' && code_point != '\r';
  if (control || code_point == 0xFFFE || code_point == 0xFFFF) {
    return Forbidden(CodePointName(code_point), offset,
                     "is a character XML 1.0 does not allow; remove it from the value");
  }
  return Status::Ok();
}

}  // namespace

Status AppendXmlText(std::string_view text, XmlPlace place, std::string* out) {
  size_t offset = 0;
  while (offset < text.size()) {
    size_t length = 0;
    Status checked = CheckCharacter(text, offset, &length);
    if (!checked.ok()) return checked;
    const char* reference = length == 1 ? Reference(text[offset], place) : nullptr;
    if (reference != nullptr) {
      *out += reference;
    } else {
      out->append(text.substr(offset, length));
    }
    offset += length;
  }
  return Status::Ok();
}

Result<std::string> EscapeXmlText(std::string_view text, XmlPlace place) {
  std::string escaped;
  escaped.reserve(text.size());
  Status appended = AppendXmlText(text, place, &escaped);
  if (!appended.ok()) return appended.error();
  return escaped;
}

Status CheckXmlCharacters(std::string_view text) {
  size_t offset = 0;
  while (offset < text.size()) {
    size_t length = 0;
    Status checked = CheckCharacter(text, offset, &length);
    if (!checked.ok()) return checked;
    offset += length;
  }
  return Status::Ok();
}

std::string EscapeXmlCharacters(std::string_view text, XmlPlace place) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    const char* reference = Reference(c, place);
    if (reference != nullptr) {
      escaped += reference;
    } else {
      escaped += c;
    }
  }
  return escaped;
}

}  // namespace clusterpilot
