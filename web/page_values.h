// A page's data, built straight into the form its answer needs: kainjow's
// Mustache data for a browser's HTML page, a Poco JSON object for a script
// asking for application/json. Building the JSON object first and
// converting it for the template cost more than rendering the page itself
// (callgrind on bench/web_bench: 0.9M instructions of a worklist page's
// 3.6M), so the hot pages describe their data once, through this builder,
// and never hold both forms. Either form carries the same keys and values;
// numbers and flags stay typed in JSON and become text and sections in
// Mustache.
#ifndef CLUSTERPILOT_WEB_PAGE_VALUES_H_
#define CLUSTERPILOT_WEB_PAGE_VALUES_H_

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <kainjow/mustache.hpp>
#include <string>

namespace clusterpilot {

class PageList;

class PageValues {
 public:
  // JSON when `json`, else Mustache data.
  explicit PageValues(bool json);

  bool json() const { return json_ != nullptr; }

  void SetText(const std::string& key, const std::string& value);
  void SetNumber(const std::string& key, int64_t value);
  void SetFlag(const std::string& key, bool value);
  void SetObject(const std::string& key, PageValues value);
  void SetList(const std::string& key, PageList value);

  // The built form; only the one chosen at construction.
  const Poco::JSON::Object::Ptr& Json() const { return json_; }
  const kainjow::mustache::data& Mustache() const { return mustache_; }

 private:
  friend class PageList;
  Poco::JSON::Object::Ptr json_;  // nullptr when building Mustache data
  kainjow::mustache::data mustache_;
};

class PageList {
 public:
  // JSON when `json`, else Mustache data; room for `expected` entries.
  PageList(bool json, size_t expected);

  void AddText(const std::string& value);
  void AddNumber(int64_t value);
  void AddObject(PageValues value);

 private:
  friend class PageValues;
  Poco::JSON::Array::Ptr json_;  // nullptr when building Mustache data
  kainjow::mustache::data mustache_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_PAGE_VALUES_H_
