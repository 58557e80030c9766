#include "web/page_renderer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <sstream>

#include "web/cache_key.h"
#include "web/embedded_files.h"
#include "web/route_table.h"
#include "web/stamped_cache.h"

namespace clusterpilot {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

data ToMustache(const Poco::Dynamic::Var& value);

// kainjow's set() and push_back() take const references and copy the whole
// subtree, so building a page by them copied every row once per level of
// nesting: half of a page's rendering (callgrind on bench/web_bench). Members
// are moved in with operator[] instead, and a list's objects are filled in
// place.
void FillObject(const Poco::JSON::Object::Ptr& object, data* result) {
  for (const auto& [key, value] : *object) (*result)[key] = ToMustache(value);
}

data ObjectToMustache(const Poco::JSON::Object::Ptr& object) {
  data result(data::type::object);
  FillObject(object, &result);
  return result;
}

data ArrayToMustache(const Poco::JSON::Array::Ptr& array) {
  data result(data::type::list);
  // kainjow's move constructor is not noexcept, so a growing list copied
  // every element (a worklist row, its whole map) at each reallocation: a
  // sixth of the worklist page's rendering (callgrind). The list is this
  // function's own; kainjow offers it only as const.
  const_cast<kainjow::mustache::list&>(result.list_value()).reserve(array->size());
  for (const auto& value : *array) {
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
      result.push_back(ToMustache(value));
      continue;
    }
    result.push_back(data(data::type::object));  // empty, so the copy is cheap
    // kainjow offers the list only as const; the element is this function's own.
    data& element = const_cast<data&>(result.list_value().back());
    FillObject(value.extract<Poco::JSON::Object::Ptr>(), &element);
  }
  return result;
}

// The JSON value as Mustache data: objects and lists nest, booleans stay
// booleans (for {{#flag}} sections), numbers and strings become text.
data ToMustache(const Poco::Dynamic::Var& value) {
  if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    return ObjectToMustache(value.extract<Poco::JSON::Object::Ptr>());
  }
  if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    return ArrayToMustache(value.extract<Poco::JSON::Array::Ptr>());
  }
  if (value.type() == typeid(bool)) return data(value.extract<bool>());
  if (value.isEmpty()) return data(false);
  return data(value.convert<std::string>());
}

// Links of the frame's navigation the user's role may follow.
data Navigation(WebRole role, Language language) {
  struct Link {
    const char* path;
    const char* label;
  };
  static const Link kLinks[] = {
      {"/worklist", "web.nav.worklist"},       {"/due", "web.nav.due"},
      {"/departments", "web.nav.departments"}, {"/reports", "web.nav.reports"},
      {"/admin/users", "web.nav.users"},       {"/admin/audit", "web.nav.audit"}};
  data links(data::type::list);
  std::string ignored_id;
  bool ignored_known = false;
  for (const Link& link : kLinks) {
    const Route* route = FindRoute("GET", link.path, &ignored_id, &ignored_known);
    if (route == nullptr || !RouteAllows(*route, role)) continue;
    data entry(data::type::object);
    entry["path"] = data(link.path);
    entry["label"] = data(Phrase(language, link.label));
    links.push_back(entry);
  }
  return links;
}

// The web's phrases in `language`, as {{t.<key>}} for the templates: built
// once per language (about 190 phrases) and then only read, so every thread
// shares them.
const data& PhraseData(Language language) {
  static const auto build = [](Language of) {
    data phrases(data::type::object);
    for (std::string_view key : PhraseKeys("web.")) {
      // Mustache reads {{t.filter.all}} as t, then filter, then all: a
      // phrase key's own dots become underscores ({{t.filter_all}}).
      std::string name(key.substr(4));
      std::replace(name.begin(), name.end(), '.', '_');
      phrases.set(name, data(Phrase(of, key)));
    }
    data root(data::type::object);
    root.set("t", phrases);
    return root;
  };
  static const data kDutch = build(Language::kDutch);
  static const data kEnglish = build(Language::kEnglish);
  return language == Language::kEnglish ? kEnglish : kDutch;
}

bool NeedsEscape(char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; }

// Mustache's HTML escaping of {{x}}, the same five characters as kainjow's
// html_escape, but returning text without them as it is and copying the runs
// between them whole: kainjow's appends one character at a time into a
// string reserved at twice the size, a tenth of a worklist page's rendering
// (callgrind on bench/web_bench).
std::string EscapeHtml(const std::string& text) {
  size_t at = 0;
  while (at < text.size() && !NeedsEscape(text[at])) ++at;
  if (at == text.size()) return text;
  std::string escaped(text, 0, at);
  for (; at < text.size(); ++at) {
    switch (text[at]) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      default:
        escaped += text[at];
        break;
    }
  }
  return escaped;
}

// Mustache's context stack, resolving names as kainjow's own context does
// (innermost first; "a.b" walks into a from the first level that has all
// of it), but without kainjow's split of dotted names through a
// stringstream, which cost more than the lookups themselves for the
// templates' {{t.key}} phrases (callgrind).
class ContextStack : public kainjow::mustache::basic_context<std::string> {
 public:
  void push(const data* level) override { levels_.push_back(level); }
  void pop() override { levels_.pop_back(); }

  const data* get(const std::string& name) const override {
    if (name == ".") return levels_.back();
    const size_t dot = name.find('.');
    if (dot == std::string::npos) return get_partial(name);
    for (auto level = levels_.rbegin(); level != levels_.rend(); ++level) {
      if (const data* found = Walk(**level, name, dot)) return found;
    }
    return nullptr;
  }

  const data* get_partial(const std::string& name) const override {
    for (auto level = levels_.rbegin(); level != levels_.rend(); ++level) {
      if (const data* found = (*level)->get(name)) return found;
    }
    return nullptr;
  }

 private:
  // `name`'s parts, the first ending at `dot`, looked up one inside the other.
  static const data* Walk(const data& level, const std::string& name, size_t dot) {
    const data* at = level.get(name.substr(0, dot));
    while (at != nullptr && dot != std::string::npos) {
      const size_t start = dot + 1;
      dot = name.find('.', start);
      at = at->get(name.substr(start, dot == std::string::npos ? dot : dot - start));
    }
    return at;
  }

  std::vector<const data*> levels_;
};

// The template parsed once per thread: kainjow's render() is not const (it
// records errors of partials and lambdas in the template), so threads do not
// share one.
mustache& ParsedTemplate(std::string_view name) {
  thread_local std::map<std::string, mustache, std::less<>> parsed;
  auto found = parsed.find(name);
  if (found == parsed.end()) {
    found = parsed.emplace(std::string(name), mustache{std::string(TemplateText(name))}).first;
    found->second.set_custom_escape(EscapeHtml);
  }
  return found->second;
}

// Renders the template with `page` alone in Mustache's context stack.
std::string RenderAlone(std::string_view template_name, const data& page) {
  ContextStack stack;
  stack.push(&page);
  std::ostringstream out;
  ParsedTemplate(template_name).render(stack, out);
  return out.str();
}

// Renders the template with `page` above `phrases` in Mustache's context
// stack, so {{t.key}} finds the shared phrases without copying them into
// every page's data.
std::string RenderWithPhrases(std::string_view template_name, const data& phrases,
                              const data& page) {
  ContextStack stack;
  stack.push(&phrases);
  stack.push(&page);
  std::ostringstream out;
  ParsedTemplate(template_name).render(stack, out);
  return out.str();
}

}  // namespace

Language PageLanguage(const PageContext& context) {
  return context.user != nullptr ? context.user->user.language : RequestLanguage(context.request);
}

Language RequestLanguage(const WebRequest& request) {
  for (const std::string& asked : {request.Query("lang"), request.Form("lang")}) {
    if (std::optional<Language> language = ParseLanguage(asked)) return *language;
  }
  return AcceptedLanguage(request.accept_language);
}

// "en-GB,en;q=0.9,nl;q=0.8": browsers list the languages in the user's
// order, so the first one we have wins and the weights can be ignored.
Language AcceptedLanguage(const std::string& accept_language) {
  std::stringstream list(accept_language);
  std::string tag;
  while (std::getline(list, tag, ',')) {
    const size_t start = tag.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    const std::string primary = tag.substr(start, tag.find_first_of("-;", start) - start);
    if (std::optional<Language> language = ParseLanguage(primary)) return *language;
  }
  return kDefaultLanguage;
}

std::string_view TemplateText(std::string_view name) {
  return EmbeddedFile(std::string(name) + ".mustache");
}

std::string_view StyleSheetText() { return EmbeddedFile("style.css"); }

std::vector<std::string> TemplateNames() {
  std::vector<std::string> names;
  for (const std::string& file : EmbeddedFileNames()) {
    const std::string suffix = ".mustache";
    if (file.size() > suffix.size() && file.ends_with(suffix)) {
      names.push_back(file.substr(0, file.size() - suffix.size()));
    }
  }
  return names;
}

std::string RenderTemplate(std::string_view template_name, const Poco::JSON::Object::Ptr& values) {
  return RenderAlone(template_name, ObjectToMustache(values));
}

std::string RenderFragment(std::string_view template_name, const PageValues& values) {
  return RenderAlone(template_name, values.Mustache());
}

std::string RenderFragment(std::string_view template_name, const PageValues& values,
                           Language language) {
  return RenderWithPhrases(template_name, PhraseData(language), values.Mustache());
}

WebResponse JsonResponse(int status, const Poco::JSON::Object::Ptr& values) {
  WebResponse response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  std::ostringstream json;
  Poco::JSON::Stringifier::stringify(values, json);
  response.body = json.str();
  return response;
}

namespace {

// The frame around every HTML page: frame_top.mustache (title, language,
// the navigation of the user's role, the logout form with the session's
// CSRF token) before the page's body and frame_bottom.mustache after it.
// A frame is the same for every page of one title in one session, so it is
// rendered once and kept: rendering it, and copying the whole page through
// it, took a tenth of a worklist request under load (bench/web_bench).
struct PageFrame {
  std::string top;     // up to the body
  std::string bottom;  // after it
};

// Frames are kept under one stamp: their key names all they show, so a kept
// frame never goes stale. Past 4096 keys all are dropped and rendered anew.
constexpr const char* kFrameStamp = "";

// Everything the frame shows.
std::string FrameKey(const PageContext& context, Language language, const std::string& title) {
  CacheKey key;
  key.Add(title).Add(LanguageCode(language));
  if (context.user != nullptr) {
    key.Add(context.user->user.name).Add(WebRoleName(context.user->user.role));
    key.Add(context.user->csrf_token);
  }
  return key.text();
}

std::shared_ptr<const PageFrame> RenderFrame(const PageContext& context, Language language,
                                             const std::string& title) {
  data frame(data::type::object);
  frame["title"] = data(title);
  frame["lang"] = data(std::string(LanguageCode(language)));
  if (context.user != nullptr) {
    frame["user"] = data(context.user->user.name);
    frame["role"] = data(std::string(WebRoleName(context.user->user.role)));
    frame["csrf_token"] = data(context.user->csrf_token);
    frame["navigation"] = Navigation(context.user->user.role, language);
  }
  const data& phrases = PhraseData(language);
  return std::make_shared<const PageFrame>(
      PageFrame{RenderWithPhrases("frame_top", phrases, frame),
                RenderWithPhrases("frame_bottom", phrases, frame)});
}

// The page's body rendered from `page` inside its frame, rendered once per
// title and session.
WebResponse RenderFramed(const PageContext& context, int status, const std::string& title,
                         const std::string& template_name, const data& page) {
  static StampedCache<std::string, std::shared_ptr<const PageFrame>> frames(4096);
  const Language language = PageLanguage(context);
  const std::string key = FrameKey(context, language, title);
  std::shared_ptr<const PageFrame> frame = frames.Find(key, kFrameStamp).value_or(nullptr);
  if (frame == nullptr) {
    frame = RenderFrame(context, language, title);
    frames.Keep(key, kFrameStamp, frame);
  }
  const std::string body = RenderWithPhrases(template_name, PhraseData(language), page);
  WebResponse response;
  response.status = status;
  response.body.reserve(frame->top.size() + body.size() + frame->bottom.size());
  response.body.append(frame->top).append(body).append(frame->bottom);
  return response;
}

}  // namespace

WebResponse RenderPage(const PageContext& context, int status, const std::string& title,
                       const std::string& template_name, const Poco::JSON::Object::Ptr& values) {
  if (context.request.wants_json) return JsonResponse(status, values);
  return RenderFramed(context, status, title, template_name, ObjectToMustache(values));
}

WebResponse RenderPage(const PageContext& context, int status, const std::string& title,
                       const std::string& template_name, const PageValues& values) {
  if (values.json()) return JsonResponse(status, values.Json());
  return RenderFramed(context, status, title, template_name, values.Mustache());
}

}  // namespace clusterpilot
