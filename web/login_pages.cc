// The login and logout forms, the start page and the stylesheet.
#include "store/web_user_table.h"
#include "web/page_renderer.h"
#include "web/route_table.h"
#include "web/secure_token.h"
#include "web/web_app.h"
#include "web/web_pages.h"

namespace clusterpilot {
namespace {

// Poco 1.11's HTTPCookie has no SameSite, so the header is written here.
std::string CookieHeader(const std::string& name, const std::string& value, const std::string& path,
                         bool secure, bool expire) {
  std::string header = name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict";
  if (secure) header += "; Secure";
  if (expire) header += "; Max-Age=0";
  return header;
}

// The form in the request's language (RequestLanguage), which it passes on
// in a hidden field so that a failed login answers in the same language.
WebResponse LoginForm(PageContext& context, int status, bool failed) {
  const std::string token = RandomHexToken(32);
  const Language language = PageLanguage(context);
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("csrf_token", token);
  values->set("lang", std::string(LanguageCode(language)));
  if (failed) values->set("message", Phrase(language, "web.login_failed"));
  WebResponse response =
      RenderPage(context, status, Phrase(language, "web.title.login"), "login", values);
  response.headers.emplace_back(
      "Set-Cookie", CookieHeader(kLoginCsrfCookie, token, "/login", context.request.secure, false));
  return response;
}

}  // namespace

WebResponse LoginPage(PageContext& context) { return LoginForm(context, 200, false); }

WebResponse LoginSubmit(PageContext& context) {
  const WebRequest& request = context.request;
  Result<NewSession> session = SignIn(context.store, request.Form("name"), request.Form("password"),
                                      context.policy, context.now);
  if (!session.ok()) {
    if (session.error().message != kLoginFailedMessage) {
      return ErrorPage(context, 500, "web.error.internal");
    }
    return LoginForm(context, 401, true);
  }
  Result<std::optional<WebUser>> user = FindWebUser(context.store, request.Form("name"));
  const std::string home = user.ok() && user.value() ? HomePath(user.value()->role) : "/";
  WebResponse response;
  if (request.wants_json) {
    Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
    values->set("csrf_token", session.value().csrf_token);
    values->set("home", home);
    response = JsonResponse(200, values);
  } else {
    response = Redirect(home);
  }
  response.headers.emplace_back(
      "Set-Cookie", CookieHeader(kSessionCookie, session.value().id, "/", request.secure, false));
  return response;
}

WebResponse LogoutSubmit(PageContext& context) {
  Status status = SignOut(context.store, context.user->session_hash);
  if (!status.ok()) return ErrorPage(context, 500, "web.error.internal");
  WebResponse response = Redirect("/login");
  response.headers.emplace_back(
      "Set-Cookie", CookieHeader(kSessionCookie, "", "/", context.request.secure, true));
  return response;
}

WebResponse HomeRedirect(PageContext& context) {
  return Redirect(HomePath(context.user->user.role));
}

WebResponse StyleSheet(PageContext&) {
  WebResponse response;
  response.content_type = "text/css; charset=utf-8";
  response.body = std::string(StyleSheetText());
  return response;
}

WebResponse ErrorPage(const PageContext& context, int status, std::string_view key,
                      const std::vector<PhraseValue>& values) {
  return ErrorMessagePage(context, status, Phrase(PageLanguage(context), key, values));
}

WebResponse ErrorMessagePage(const PageContext& context, int status, const std::string& message) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("error", message);
  return RenderPage(context, status, message, "error", values);
}

}  // namespace clusterpilot
