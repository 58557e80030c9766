#include "store/audit_log_chain.h"

#include <Poco/Crypto/DigestEngine.h>

#include "store/audit_log.h"

namespace clusterpilot {
namespace {

// Changing the encoding changes every hash; the tag says which one made it.
constexpr std::string_view kEncodingTag = "clusterpilot audit entry v1;";

void AppendField(std::string& encoding, const std::string& field) {
  encoding += std::to_string(field.size());
  encoding += ':';
  encoding += field;
  encoding += ',';
}

std::string LinkProblem(const std::vector<AuditEntry>& entries, size_t i) {
  const AuditEntry& entry = entries[i];
  const std::string id = std::to_string(entry.id);
  const std::string previous_id = std::to_string(entries[i - 1].id);
  const std::string& before_previous = i >= 2 ? entries[i - 2].chain_hash : std::string();
  if (entry.previous_hash == before_previous) {
    return "entry " + previous_id + " was inserted: entry " + id + " links to the entry before it";
  }
  if (AuditChainHash(entry) == entry.chain_hash) {
    return "an entry before entry " + id + " was removed: entry " + id +
           " links to a hash that entry " + previous_id + " does not have";
  }
  return "entry " + id + " was inserted: it does not link to entry " + previous_id +
         " and its chain hash does not match its content";
}

// The first problem with entry i given the entries before it; "" if none.
std::string EntryProblem(const std::vector<AuditEntry>& entries, size_t i) {
  const AuditEntry& entry = entries[i];
  const int64_t expected_id = i == 0 ? 1 : entries[i - 1].id + 1;
  if (entry.id < expected_id) {
    return "entry " + std::to_string(entry.id) + " was inserted: ids start at 1";
  }
  if (entry.id > expected_id) {
    const std::string first = std::to_string(expected_id);
    const std::string last = std::to_string(entry.id - 1);
    return (first == last ? "entry " + first + " was"
                          : "entries " + first + " to " + last + " were") +
           " removed: the ids jump to " + std::to_string(entry.id);
  }
  const std::string& previous_hash = i == 0 ? std::string() : entries[i - 1].chain_hash;
  if (entry.previous_hash != previous_hash) {
    if (i == 0) return "entry 1 was changed: the first entry links to an earlier one";
    return LinkProblem(entries, i);
  }
  if (AuditChainHash(entry) != entry.chain_hash) {
    return "entry " + std::to_string(entry.id) +
           " was changed: its content no longer matches its chain hash";
  }
  return "";
}

}  // namespace

std::string AuditChainHash(const AuditEntry& entry) {
  std::string encoding(kEncodingTag);
  for (const std::string* field : {&entry.at, &entry.user, &entry.os_user, &entry.host,
                                   &entry.action, &entry.object, &entry.previous_hash}) {
    AppendField(encoding, *field);
  }
  // OpenSSL's SHA-256, as the importers' content hash uses. Setting an
  // engine up costs more than hashing an entry (OpenSSL 3 looks the digest
  // up each time), so each thread keeps one; digest() resets it.
  thread_local Poco::Crypto::DigestEngine sha256("SHA256");
  sha256.update(encoding);
  return Poco::Crypto::DigestEngine::digestToHex(sha256.digest());
}

AuditChainCheck CheckAuditChain(const std::vector<AuditEntry>& entries) {
  AuditChainCheck check;
  check.entry_count = static_cast<int64_t>(entries.size());
  if (!entries.empty()) {
    check.head_hash = entries.back().chain_hash;
    check.head_id = entries.back().id;
  }
  for (size_t i = 0; i < entries.size() && check.intact; ++i) {
    check.problem = EntryProblem(entries, i);
    check.intact = check.problem.empty();
  }
  return check;
}

}  // namespace clusterpilot
