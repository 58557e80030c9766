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

WebResponse LoginForm(PageContext& context, int status, const std::string& message) {
  const std::string token = RandomHexToken(32);
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("csrf_token", token);
  if (!message.empty()) values->set("message", message);
  WebResponse response = RenderPage(context, status, "Inloggen / Log in", "login", values);
  response.headers.emplace_back(
      "Set-Cookie", CookieHeader(kLoginCsrfCookie, token, "/login", context.request.secure, false));
  return response;
}

}  // namespace

WebResponse LoginPage(PageContext& context) { return LoginForm(context, 200, ""); }

WebResponse LoginSubmit(PageContext& context) {
  const WebRequest& request = context.request;
  Result<NewSession> session = SignIn(context.store, request.Form("name"), request.Form("password"),
                                      context.policy, context.now);
  if (!session.ok()) {
    if (session.error().message != kLoginFailedMessage) {
      return ErrorPage(request, 500, "Interne fout / Internal error");
    }
    return LoginForm(context, 401, kLoginFailedMessage);
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
  if (!status.ok()) return ErrorPage(context.request, 500, "Interne fout / Internal error");
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

WebResponse ErrorPage(const WebRequest& request, int status, const std::string& message) {
  Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
  values->set("error", message);
  if (request.wants_json) return JsonResponse(status, values);
  Poco::JSON::Object::Ptr frame = new Poco::JSON::Object;
  frame->set("title", message);
  frame->set("body", RenderTemplate("error", values));
  WebResponse response;
  response.status = status;
  response.body = RenderTemplate("layout", frame);
  return response;
}

}  // namespace clusterpilot
