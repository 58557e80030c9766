#include "importers/xml_value_limit.h"

#include <gtest/gtest.h>

#include "core/delimited_reader.h"

namespace clusterpilot {
namespace {

// Scans `text` in pieces of `piece` bytes; the error message or "ok".
std::string Scan(const std::string& text, size_t piece) {
  XmlValueLimit limit("x.xml");
  for (size_t at = 0; at < text.size(); at += piece) {
    std::optional<Error> error = limit.Scan(std::string_view(text).substr(at, piece));
    if (error) return error->ToString();
  }
  return "ok";
}

TEST(XmlValueLimitTest, NamesTheAttributeAndTheLineWhereTheValueStarts) {
  const std::string big(kMaxValueBytes + 1, 'x');
  const std::string fits(kMaxValueBytes, 'x');
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"<a>\n<m patient=\"" + fits + "\" b='" + fits + "'/>\n</a>", "ok"},
      {"<a>\n<m patient=\"" + big + "\"/></a>",
       "x.xml:2: attribute \"patient\": the value is longer than 64 KB, the limit for any value"},
      {"<a>\n<m b = '1'\n  clinician =\n'" + big + "'/></a>",
       "x.xml:4: attribute \"clinician\": the value is longer than 64 KB, the limit for any "
       "value"},
      {"<a>\n" + big + "</a>",
       "x.xml:1: a name or text starting on this line is longer than 64 KB, the limit for any "
       "value"},
      {"<a><!-- it's \"quoted\" --><m p=\"" + big + "\"/></a>",
       "x.xml:1: attribute \"p\": the value is longer than 64 KB, the limit for any value"},
  };
  for (const Case& c : cases) {
    for (size_t piece : {size_t{7}, size_t{1} << 20}) {
      EXPECT_EQ(Scan(c.text, piece), c.message) << "pieces of " << piece;
    }
  }
}

}  // namespace
}  // namespace clusterpilot
