// The web app's sessions (table web_session). A session is kept by the hash
// of its id, never the id itself, so reading the store gives no way in; the
// CSRF token of the session's forms is kept beside it.
#ifndef CLUSTERPILOT_STORE_WEB_SESSION_TABLE_H_
#define CLUSTERPILOT_STORE_WEB_SESSION_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"

namespace clusterpilot {

class Store;

struct WebSession {
  std::string id_hash;  // hex hash of the cookie's session id
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;    // Unix seconds
  int64_t last_seen_at = 0;  // Unix seconds
};

Status InsertWebSession(Store& store, const WebSession& session);

// The session with this id hash; nullopt when there is none.
Result<std::optional<WebSession>> FindWebSession(Store& store, const std::string& id_hash);

// Records activity now, for the idle timeout.
Status TouchWebSession(Store& store, const std::string& id_hash, int64_t now);

// Ends the session; ending one that is gone is fine.
Status DeleteWebSession(Store& store, const std::string& id_hash);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_WEB_SESSION_TABLE_H_
