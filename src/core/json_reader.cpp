// JsonReader: type, length and choice checks for request objects.
#include "core/json_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace tongxin::core {

JsonReader::JsonReader(const boost::json::object& obj, std::initializer_list<std::string_view> allowed)
    : obj_(obj) {
  for (const auto& kv : obj_) {
    std::string_view key = kv.key();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      errors_.push_back({std::string(key), "validation.unknown_field", {}});
    }
  }
}

const boost::json::value* JsonReader::Get(std::string_view key, bool required) {
  auto it = obj_.find(key);
  if (it == obj_.end() || (required && it->value().is_null())) {
    if (required) errors_.push_back({std::string(key), "validation.required", {}});
    return nullptr;
  }
  return &it->value();
}

void JsonReader::WrongType(std::string_view key, const char* expected) {
  errors_.push_back({std::string(key), "validation.wrong_type", {{"expected", expected}}});
}

std::optional<double> JsonReader::Number(std::string_view key, bool required) {
  const auto* v = Get(key, required);
  if (!v) return std::nullopt;
  if (v->is_null()) {
    if (required) errors_.push_back({std::string(key), "validation.required", {}});
    return std::nullopt;
  }
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  if (v->is_uint64()) return static_cast<double>(v->as_uint64());
  if (v->is_double() && std::isfinite(v->as_double())) return v->as_double();
  WrongType(key, "number");
  return std::nullopt;
}

std::optional<std::string> JsonReader::Decimal(std::string_view key, bool required) {
  const auto* v = Get(key, required);
  if (!v) return std::nullopt;
  if (v->is_null()) {
    if (required) errors_.push_back({std::string(key), "validation.required", {}});
    return std::nullopt;
  }
  if (v->is_int64() || v->is_uint64()) {
    if (v->is_int64() && v->as_int64() < 0) {
      errors_.push_back({std::string(key), "validation.negative", {}});
      return std::nullopt;
    }
    return v->is_int64() ? std::to_string(v->as_int64()) : std::to_string(v->as_uint64());
  }
  if (v->is_double()) {
    const double d = v->as_double();
    if (!std::isfinite(d) || d < 0) {
      errors_.push_back({std::string(key), "validation.negative", {}});
      return std::nullopt;
    }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    return std::string(buf, res.ptr);
  }
  if (v->is_string()) {
    std::string s(v->as_string());
    if (s.empty() && required) {
      errors_.push_back({std::string(key), "validation.required", {}});
      return std::nullopt;
    }
    return s;
  }
  WrongType(key, "number");
  return std::nullopt;
}

void JsonReader::AddErrorsOf(const Status& nested, const std::string& prefix) {
  if (nested) return;
  for (auto f : nested.error().fields) {
    f.field = prefix + f.field;
    errors_.push_back(std::move(f));
  }
}

std::optional<std::string> JsonReader::String(std::string_view key, bool required, std::size_t max_chars,
                                              bool multiline) {
  const auto* v = Get(key, required);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::string();
  if (!v->is_string()) {
    WrongType(key, "string");
    return std::nullopt;
  }
  std::string s = Trim(std::string_view(v->get_string()));
  if (HasControlChars(s, multiline)) {
    errors_.push_back({std::string(key), "validation.control_chars", {}});
    return std::nullopt;
  }
  if (Utf8Length(s) > max_chars) {
    errors_.push_back({std::string(key), "validation.too_long", {{"max", std::to_string(max_chars)}}});
    return std::nullopt;
  }
  if (required && s.empty()) {
    errors_.push_back({std::string(key), "validation.empty", {}});
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> JsonReader::Int(std::string_view key, bool required, std::int64_t min,
                                            std::int64_t max) {
  const auto* v = Get(key, required);
  if (!v || v->is_null()) return std::nullopt;
  std::int64_t n = 0;
  if (v->is_int64()) {
    n = v->get_int64();
  } else if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(v->get_uint64());
  } else {
    WrongType(key, "integer");
    return std::nullopt;
  }
  if (n < min || n > max) {
    errors_.push_back({std::string(key), "validation.out_of_range",
                       {{"min", std::to_string(min)}, {"max", std::to_string(max)}}});
    return std::nullopt;
  }
  return n;
}

std::optional<bool> JsonReader::Bool(std::string_view key, bool required) {
  const auto* v = Get(key, required);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_bool()) {
    WrongType(key, "boolean");
    return std::nullopt;
  }
  return v->get_bool();
}

std::optional<std::string> JsonReader::Choice(std::string_view key, bool required,
                                              std::initializer_list<std::string_view> choices) {
  auto s = String(key, required, 64);
  if (!s || (s->empty() && !required)) return s;
  if (std::find(choices.begin(), choices.end(), *s) == choices.end()) {
    std::string list;
    for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
    errors_.push_back({std::string(key), "validation.invalid_choice", {{"choices", list}}});
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> JsonReader::Date(std::string_view key, bool required) {
  auto s = String(key, required, 10);
  if (!s || s->empty()) return s;
  if (!IsValidDate(*s)) {
    errors_.push_back({std::string(key), "validation.invalid_date", {}});
    return std::nullopt;
  }
  return s;
}

std::optional<std::vector<std::int64_t>> JsonReader::IntArray(std::string_view key, bool required,
                                                              std::size_t max_items) {
  const auto* v = Get(key, required);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_array()) {
    WrongType(key, "array of integers");
    return std::nullopt;
  }
  const auto& arr = v->get_array();
  if (arr.size() > max_items) {
    errors_.push_back({std::string(key), "validation.out_of_range",
                       {{"min", "0"}, {"max", std::to_string(max_items)}}});
    return std::nullopt;
  }
  std::vector<std::int64_t> out;
  for (const auto& item : arr) {
    if (!item.is_int64() || item.get_int64() <= 0) {
      WrongType(key, "array of integers");
      return std::nullopt;
    }
    out.push_back(item.get_int64());
  }
  return out;
}

Status JsonReader::Finish() const {
  if (errors_.empty()) return {};
  Error e;
  e.code = Errc::kInvalid;
  e.reason = errors_.size() == 1 ? errors_.front().reason : "validation.failed";
  e.details["field"] = errors_.front().field;
  e.fields = errors_;
  return e;
}

}  // namespace tongxin::core
