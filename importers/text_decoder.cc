#include "importers/text_decoder.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

namespace clusterpilot {
namespace {

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

TextDecoder::TextDecoder(bool byte_order_mark)
    : encoding_(byte_order_mark ? Encoding::kUtf8 : Encoding::kAscii),
      byte_order_mark_(byte_order_mark),
      utf8_(std::make_unique<Poco::UTF8Encoding>()),
      windows1252_(std::make_unique<Poco::Windows1252Encoding>()),
      from_utf8_(std::make_unique<Poco::TextConverter>(*utf8_, *utf8_)),
      from_windows1252_(std::make_unique<Poco::TextConverter>(*windows1252_, *utf8_)) {}

TextDecoder::~TextDecoder() = default;

bool TextDecoder::Convert(Poco::TextConverter& converter, std::string_view raw, std::string* out) {
  out->clear();
  return converter.convert(raw.data(), static_cast<int>(raw.size()), *out) == 0;
}

bool TextDecoder::Decode(std::string_view raw, std::string* out) {
  if (IsAscii(raw)) {
    out->assign(raw);
    return true;
  }
  switch (encoding_) {
    case Encoding::kAscii:
      if (Convert(*from_utf8_, raw, out)) {
        encoding_ = Encoding::kUtf8;
        return true;
      }
      encoding_ = Encoding::kWindows1252;
      return Convert(*from_windows1252_, raw, out);
    case Encoding::kUtf8:
      if (Convert(*from_utf8_, raw, out)) return true;
      // Shown in the message; the Windows-1252 reading is the likeliest.
      Convert(*from_windows1252_, raw, out);
      return false;
    case Encoding::kWindows1252:
      return Convert(*from_windows1252_, raw, out);
  }
  return false;
}

std::string TextDecoder::EncodingName() const {
  switch (encoding_) {
    case Encoding::kAscii:
      return "ASCII";
    case Encoding::kUtf8:
      return byte_order_mark_ ? "UTF-8 with byte-order mark" : "UTF-8";
    case Encoding::kWindows1252:
      return "Windows-1252";
  }
  return "";
}

}  // namespace clusterpilot
