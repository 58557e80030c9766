#include "app/escaped_text.h"

namespace clusterpilot {
namespace {

bool IsControl(unsigned char byte) { return byte < 0x20 || byte == 0x7f; }

void AppendHexEscape(unsigned char byte, std::string& out) {
  constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0x0f];
}

}  // namespace

std::string EscapedText(std::string_view text, std::string_view also_escape) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (IsControl(byte) || also_escape.find(c) != std::string_view::npos) {
      AppendHexEscape(byte, out);
    } else {
      out += c;
    }
  }
  return out;
}

size_t FirstControlByte(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsControl(static_cast<unsigned char>(text[i]))) return i;
  }
  return std::string_view::npos;
}

}  // namespace clusterpilot
