#include "store/web_session_table.h"

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {

Status InsertWebSession(Store& store, const WebSession& session) {
  SqlStatement insert(store,
                      "INSERT INTO web_session(id_hash, user_id, csrf_token, created_at, "
                      "last_seen_at) VALUES(?,?,?,?,?)");
  insert.BindText(1, session.id_hash);
  insert.BindInt(2, session.user_id);
  insert.BindText(3, session.csrf_token);
  insert.BindInt(4, session.created_at);
  insert.BindInt(5, session.last_seen_at);
  return insert.Run();
}

Result<std::optional<WebSession>> FindWebSession(Store& store, const std::string& id_hash) {
  SqlStatement select(store,
                      "SELECT user_id, csrf_token, created_at, last_seen_at FROM web_session "
                      "WHERE id_hash = ?");
  select.BindText(1, id_hash);
  if (!select.Step()) {
    if (!select.status().ok()) return select.status().error();
    return std::optional<WebSession>();
  }
  return std::optional<WebSession>(WebSession{id_hash, select.Int(0), std::string(select.Text(1)),
                                              select.Int(2), select.Int(3)});
}

Status TouchWebSession(Store& store, const std::string& id_hash, int64_t now) {
  SqlStatement update(store, "UPDATE web_session SET last_seen_at = ? WHERE id_hash = ?");
  update.BindInt(1, now);
  update.BindText(2, id_hash);
  return update.Run();
}

Status DeleteWebSession(Store& store, const std::string& id_hash) {
  SqlStatement remove(store, "DELETE FROM web_session WHERE id_hash = ?");
  remove.BindText(1, id_hash);
  return remove.Run();
}

}  // namespace clusterpilot
