#include "web/page_values.h"

#include <utility>

namespace clusterpilot {

using kainjow::mustache::data;

PageValues::PageValues(bool json)
    : json_(json ? new Poco::JSON::Object : nullptr),
      mustache_(json ? data::type::bool_false : data::type::object) {}

void PageValues::SetText(const std::string& key, const std::string& value) {
  if (json()) {
    json_->set(key, value);
  } else {
    mustache_[key] = data(value);
  }
}

void PageValues::SetNumber(const std::string& key, int64_t value) {
  if (json()) {
    json_->set(key, value);
  } else {
    mustache_[key] = data(std::to_string(value));
  }
}

void PageValues::SetFlag(const std::string& key, bool value) {
  if (json()) {
    json_->set(key, value);
  } else {
    mustache_[key] = data(value);
  }
}

void PageValues::SetObject(const std::string& key, PageValues value) {
  if (json()) {
    json_->set(key, value.json_);
  } else {
    mustache_[key] = std::move(value.mustache_);
  }
}

void PageValues::SetList(const std::string& key, PageList value) {
  if (json()) {
    json_->set(key, value.json_);
  } else {
    mustache_[key] = std::move(value.mustache_);
  }
}

PageList::PageList(bool json, size_t expected)
    : json_(json ? new Poco::JSON::Array : nullptr),
      mustache_(json ? data::type::bool_false : data::type::list) {
  // kainjow offers its list only as const, and its data's move constructor
  // is not noexcept, so a growing list would copy every entry at each
  // reallocation; the list is this builder's own.
  if (!json) const_cast<kainjow::mustache::list&>(mustache_.list_value()).reserve(expected);
}

void PageList::AddText(const std::string& value) {
  if (json_) {
    json_->add(value);
  } else {
    mustache_.push_back(data(value));
  }
}

void PageList::AddNumber(int64_t value) {
  if (json_) {
    json_->add(value);
  } else {
    mustache_.push_back(data(std::to_string(value)));
  }
}

void PageList::AddObject(PageValues value) {
  if (json_) {
    json_->add(value.json_);
    return;
  }
  // push_back copies; an empty entry is cheap to copy and is then filled by
  // moving the object in.
  mustache_.push_back(data(data::type::bool_false));
  const_cast<data&>(mustache_.list_value().back()) = std::move(value.mustache_);
}

}  // namespace clusterpilot
