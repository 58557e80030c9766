// What a page handler gets: the request, who is signed in, a store
// connection and the {id} of its route. Handlers answer with a WebResponse
// and never see Poco's HTTP types.
#ifndef CLUSTERPILOT_WEB_PAGE_CONTEXT_H_
#define CLUSTERPILOT_WEB_PAGE_CONTEXT_H_

#include <cstdint>
#include <string>

#include "web/sign_in.h"
#include "web/web_exchange.h"

namespace clusterpilot {

class Store;

struct PageContext {
  const WebRequest& request;
  const SignedInUser* user;  // nullptr on routes that need no login
  Store& store;
  std::string path_id;  // the {id} part of the route; "" when it has none
  const SessionPolicy& policy;
  int64_t now;  // Unix seconds
};

using PageHandler = WebResponse (*)(PageContext& context);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_PAGE_CONTEXT_H_
