// Mustache's {{x}} escapes HTML and {{{x}}} / {{&x}} do not: the templates
// may use the unescaped forms only for HTML the program rendered itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string_view>

#include "core/language.h"
#include "web/page_renderer.h"

namespace clusterpilot {
namespace {

TEST(TemplateEscapingTest, UnescapedInsertsAreOnlyHtmlRenderedBefore) {
  const std::regex unescaped(R"(\{\{\{\s*([^}]*)\}\}\}|\{\{&\s*([^}]*)\}\})");
  std::vector<std::string> found;
  for (const std::string& name : TemplateNames()) {
    const std::string text(TemplateText(name));
    for (auto it = std::sregex_iterator(text.begin(), text.end(), unescaped);
         it != std::sregex_iterator(); ++it) {
      found.push_back(name + ": " + (*it)[0].str());
    }
  }
  // The worklist's kept listing and rows, the measurement page's kept
  // details and form fields (templates rendered first) and the pilot
  // report's own HTML, which reports/ writes and escapes; nothing else. The
  // frame is two templates around the body (web/page_renderer.cc), so it
  // inserts nothing unescaped.
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{
                       "measurement: {{{details_html}}}", "measurement: {{{form_html}}}",
                       "reports: {{{report_html}}}", "worklist: {{{listing_html}}}",
                       "worklist_listing: {{{rows_html}}}"}));
}

TEST(TemplateEscapingTest, EveryPageTemplateIsEmbeddedAndParses) {
  for (const char* name :
       {"frame_top", "frame_bottom", "login", "error", "worklist", "measurement", "conflict",
        "departments", "users", "audit", "reports", "import", "worklist_row", "worklist_listing",
        "measurement_details", "measurement_form"}) {
    EXPECT_FALSE(TemplateText(name).empty()) << name;
  }
  EXPECT_NE(StyleSheetText().find("body {"), std::string::npos);
}

// {{t.name}} is the phrase web.name, its dots written as underscores
// (Mustache would read them as levels); a name without a phrase renders as
// nothing, which left the worklist's filter names blank once.
TEST(TemplateEscapingTest, EveryPhraseATemplateNamesExists) {
  std::set<std::string> names;
  for (std::string_view key : PhraseKeys("web.")) {
    std::string name(key.substr(4));
    std::replace(name.begin(), name.end(), '.', '_');
    names.insert(name);
  }
  const std::regex phrase(R"(\{\{\s*t\.([^}\s]*)\s*\}\})");
  size_t checked = 0;
  for (const std::string& template_name : TemplateNames()) {
    const std::string text(TemplateText(template_name));
    for (auto it = std::sregex_iterator(text.begin(), text.end(), phrase);
         it != std::sregex_iterator(); ++it, ++checked) {
      EXPECT_EQ(names.count((*it)[1].str()), 1u) << template_name << ": " << (*it)[0].str();
    }
  }
  EXPECT_GT(checked, 50u);
}

TEST(TemplateEscapingTest, NoTemplateHasInlineScriptOrStyle) {
  for (const std::string& name : TemplateNames()) {
    const std::string text(TemplateText(name));
    EXPECT_EQ(text.find("<script"), std::string::npos) << name;
    EXPECT_EQ(text.find("style="), std::string::npos) << name;
    EXPECT_FALSE(std::regex_search(text, std::regex(R"(\son[a-z]+=)"))) << name;  // onclick=
  }
}

}  // namespace
}  // namespace clusterpilot
