// The transaction that writes a classify run's results. Every classification
// row it writes references a measurement just read and a model just
// registered, under the same write lock; checking each reference again cost
// SQLite three times as much as writing the row, so this transaction runs
// with the connection's foreign-key checks off.
#ifndef CLUSTERPILOT_STORE_CLASSIFICATION_TRANSACTION_H_
#define CLUSTERPILOT_STORE_CLASSIFICATION_TRANSACTION_H_

#include <functional>

#include "core/error.h"

namespace clusterpilot {

class Store;

// Runs `work` inside one transaction (as Store::InTransaction) with foreign
// keys off, and switches them on again whatever `work` returned. Returns the
// first problem: switching checks off, the transaction, or switching them on.
[[nodiscard]] Status InClassificationTransaction(Store& store, const std::function<Status()>& work);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_CLASSIFICATION_TRANSACTION_H_
