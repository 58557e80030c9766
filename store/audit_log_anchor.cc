#include "store/audit_log_anchor.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "store/audit_log.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

struct AnchorState {
  std::mutex mutex;
  std::string path;
  // Lines waiting for their transaction's commit, per connection.
  std::map<const void*, std::string> pending;
};

AnchorState& State() {
  static AnchorState state;
  return state;
}

bool AppendAndSync(const std::string& path, const std::string& lines) {
  const int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) return false;
  bool ok = write(fd, lines.data(), lines.size()) == static_cast<ssize_t>(lines.size());
  ok = fsync(fd) == 0 && ok;
  return close(fd) == 0 && ok;
}

// The store calls this just before a transaction commits; non-zero turns
// the commit into a rollback.
int OnCommit(void* connection) {
  AnchorState& state = State();
  std::lock_guard<std::mutex> lock(state.mutex);
  auto found = state.pending.find(connection);
  if (found == state.pending.end()) return 0;
  const bool appended = AppendAndSync(state.path, found->second);
  state.pending.erase(found);
  return appended ? 0 : 1;
}

void OnRollback(void* connection) {
  AnchorState& state = State();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.pending.erase(connection);
}

struct AnchorLine {
  int64_t id = 0;
  std::string at;
  std::string hash;
};

bool ReadLastLine(const std::string& path, AnchorLine* last) {
  std::ifstream file(path);
  std::string line;
  bool found = false;
  while (std::getline(file, line)) {
    std::istringstream fields(line);
    AnchorLine parsed;
    if (fields >> parsed.id >> parsed.at >> parsed.hash) {
      *last = parsed;
      found = true;
    }
  }
  return found;
}

}  // namespace

void SetAuditAnchorFile(const std::string& path) {
  AnchorState& state = State();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.path = path;
}

void AnchorOnCommit(Store& store, const AuditEntry& head) {
  AnchorState& state = State();
  std::lock_guard<std::mutex> lock(state.mutex);
  if (state.path.empty()) return;
  void* connection = &store;
  state.pending[connection] +=
      std::to_string(head.id) + ' ' + head.at + ' ' + head.chain_hash + '\n';
  store.SetCommitHooks(OnCommit, OnRollback, connection);
}

std::string CheckAuditAnchor(const std::string& anchor_file,
                             const std::vector<AuditEntry>& entries) {
  if (access(anchor_file.c_str(), R_OK) != 0) {
    return "anchor file " + anchor_file + " cannot be read: " + std::strerror(errno);
  }
  AnchorLine last;
  if (!ReadLastLine(anchor_file, &last)) {
    return "anchor file " + anchor_file + " holds no head yet";
  }
  const std::string anchored = "entry " + std::to_string(last.id);
  const AuditEntry* match = nullptr;
  for (const AuditEntry& entry : entries) {
    if (entry.id == last.id) match = &entry;
  }
  if (match == nullptr) {
    return "the anchor file's last head, " + anchored + " (" + last.at +
           "), is not in the log: entries were removed";
  }
  if (match->chain_hash != last.hash) {
    return anchored + " does not have the chain hash the anchor file recorded at " + last.at +
           ": the chain was rewritten";
  }
  if (match != &entries.back()) {
    return "entries after " + anchored +
           ", the anchor file's last head, were added without being anchored";
  }
  return "";
}

}  // namespace clusterpilot
