// Reads and validates the fields of a JSON request object, collecting every field error
// so the client hears about all of them at once. Not thread-safe; one per request.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tongxin::core {

class JsonReader {
 public:
  // Keys outside `allowed` are reported as validation.unknown_field.
  JsonReader(const boost::json::object& obj, std::initializer_list<std::string_view> allowed);

  bool Has(std::string_view key) const { return obj_.contains(key); }

  // Each getter returns nullopt when the key is absent (or on error, which is recorded).
  // `required` turns absence, null and (for strings) blank into an error. A null for an
  // optional string reads as "" so PATCH can clear a field.
  std::optional<std::string> String(std::string_view key, bool required, std::size_t max_chars,
                                    bool multiline = false);
  std::optional<std::int64_t> Int(std::string_view key, bool required, std::int64_t min,
                                  std::int64_t max);
  std::optional<bool> Bool(std::string_view key, bool required);
  std::optional<std::string> Choice(std::string_view key, bool required,
                                    std::initializer_list<std::string_view> choices);
  std::optional<std::string> Date(std::string_view key, bool required);
  std::optional<std::vector<std::int64_t>> IntArray(std::string_view key, bool required,
                                                    std::size_t max_items);
  // A finite JSON number, integer or not.
  std::optional<double> Number(std::string_view key, bool required);
  // A non-negative decimal given as a JSON number or a string ("20000.50"), as its text
  // (the shortest that reads back for a number); the caller checks its digits.
  std::optional<std::string> Decimal(std::string_view key, bool required);

  void AddError(FieldError error) { errors_.push_back(std::move(error)); }
  // The field errors of a nested object's reader (a list member), each field prefixed:
  // AddErrorsOf(line.Finish(), "lines[2].") reports "lines[2].quantity".
  void AddErrorsOf(const Status& nested, const std::string& prefix);
  bool HasErrors() const { return !errors_.empty(); }
  // ok, or a kInvalid error listing every field error (details.field names the first).
  Status Finish() const;

 private:
  const boost::json::value* Get(std::string_view key, bool required);
  void WrongType(std::string_view key, const char* expected);

  const boost::json::object& obj_;
  std::vector<FieldError> errors_;
};

}  // namespace tongxin::core
