// Pages from the Mustache templates compiled into the binary (web/templates/,
// embedded by CMake). A page's data is one JSON object: a browser gets it
// through the page's template inside the frame (frame_top.mustache and
// frame_bottom.mustache, rendered once per title and session), a script
// asking for application/json gets the object itself, so both always carry
// the same figures. Mustache's {{x}} escapes HTML; the templates use the
// unescaped {{{x}}} only for HTML rendered by these templates themselves
// (the worklist's kept rows, the measurement page's kept details) and for
// the pilot report's own escaped HTML (checked by a test).
#ifndef CLUSTERPILOT_WEB_PAGE_RENDERER_H_
#define CLUSTERPILOT_WEB_PAGE_RENDERER_H_

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

#include "core/language.h"
#include "web/page_context.h"
#include "web/page_values.h"

namespace clusterpilot {

// The language of the signed-in user's pages; before login the request's
// (RequestLanguage).
Language PageLanguage(const PageContext& context);

// The language a request asks for without an account: ?lang= (or the login
// form's lang field), else the first of Dutch and English in the browser's
// Accept-Language, else Dutch.
Language RequestLanguage(const WebRequest& request);

// The first of "nl" and "en" an Accept-Language header names; Dutch when it
// names neither.
Language AcceptedLanguage(const std::string& accept_language);

// The template's text; "" for an unknown name.
std::string_view TemplateText(std::string_view name);

// The embedded stylesheet.
std::string_view StyleSheetText();

// The names of every embedded template, for the tests.
std::vector<std::string> TemplateNames();

// Renders `template_name` with `data` in the page frame (title, the user's
// navigation, the logout form), or answers `data` as JSON. Pages get the
// catalogue's "web." phrases in the user's language as {{t.<key>}}.
WebResponse RenderPage(const PageContext& context, int status, const std::string& title,
                       const std::string& template_name, const Poco::JSON::Object::Ptr& data);

// The same from data built for the answer (web/page_values.h): JSON when the
// request asked for it, else the template in the frame.
WebResponse RenderPage(const PageContext& context, int status, const std::string& title,
                       const std::string& template_name, const PageValues& values);

// Renders one template with `data` outside the frame (the login page).
std::string RenderTemplate(std::string_view template_name, const Poco::JSON::Object::Ptr& data);

// Renders one template with `values` (Mustache data, no phrases) outside
// the frame: a fragment that a page keeps between requests and inserts
// whole (the worklist's rows, web/rendered_rows.h).
std::string RenderFragment(std::string_view template_name, const PageValues& values);

// The same with the catalogue's "web." phrases in `language` as {{t.<key>}}
// (the measurement page's kept details, web/measurement_page_cache.h).
std::string RenderFragment(std::string_view template_name, const PageValues& values,
                           Language language);

// `data` as a JSON response.
WebResponse JsonResponse(int status, const Poco::JSON::Object::Ptr& data);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_PAGE_RENDERER_H_
