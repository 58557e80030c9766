#include "store/classification_transaction.h"

#include "store/sql_dialect.h"
#include "store/store.h"

namespace clusterpilot {

Status InClassificationTransaction(Store& store, const std::function<Status()>& work) {
  // SQLite ignores this pragma inside a transaction, so it goes around one.
  Status unchecked = store.Execute(ForeignKeyChecksSql(store.dialect(), false));
  if (!unchecked.ok()) return unchecked;
  Status done = store.InTransaction(work);
  Status checked = store.Execute(ForeignKeyChecksSql(store.dialect(), true));
  if (!done.ok()) return done;
  return checked;
}

}  // namespace clusterpilot
