// Turns the bytes of a CSV field into UTF-8. Excel saves "CSV UTF-8" (with a
// byte-order mark) or plain "CSV", which on Dutch Windows is Windows-1252;
// EPDs write UTF-8 without a mark. Without a mark the decoder decides at the
// first non-ASCII text: valid UTF-8 means UTF-8, anything else Windows-1252.
#ifndef CLUSTERPILOT_IMPORTERS_TEXT_DECODER_H_
#define CLUSTERPILOT_IMPORTERS_TEXT_DECODER_H_

#include <memory>
#include <string>
#include <string_view>

namespace Poco {
class TextConverter;
class TextEncoding;
}  // namespace Poco

namespace clusterpilot {

class TextDecoder {
 public:
  // `byte_order_mark`: the file started with the UTF-8 mark, so it is UTF-8.
  explicit TextDecoder(bool byte_order_mark);
  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  // Replaces *out with `raw` as UTF-8. Returns false when `raw` is not valid
  // in the file's encoding: bad bytes in a UTF-8 file (*out then holds the
  // Windows-1252 reading, for the message) or bytes Windows-1252 does not
  // define ('?' in *out).
  bool Decode(std::string_view raw, std::string* out);

  // "UTF-8 with byte-order mark", "UTF-8", "Windows-1252", or "ASCII" when
  // nothing but ASCII was seen.
  std::string EncodingName() const;

 private:
  enum class Encoding { kAscii, kUtf8, kWindows1252 };
  bool Convert(Poco::TextConverter& converter, std::string_view raw, std::string* out);

  Encoding encoding_;
  bool byte_order_mark_;
  std::unique_ptr<Poco::TextEncoding> utf8_;
  std::unique_ptr<Poco::TextEncoding> windows1252_;
  std::unique_ptr<Poco::TextConverter> from_utf8_;
  std::unique_ptr<Poco::TextConverter> from_windows1252_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_TEXT_DECODER_H_
