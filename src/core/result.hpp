// Result<T>: a value or an Error with a stable reason code. Expected failures
// (validation, not found, conflict, permission, busy) travel here, never as exceptions.
#pragma once

#include <cassert>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tongxin::core {

// The small fixed set of failure kinds; http/errors.cpp maps each to one status.
enum class Errc {
  kInvalid,           // 400: bad input; details name the field
  kUnauthenticated,   // 401
  kForbidden,         // 403
  kNotFound,          // 404
  kMethodNotAllowed,  // 405
  kConflict,          // 409: unique key, stale state
  kTooLarge,          // 413
  kUnsupportedMedia,  // 415
  kHeaderTooLarge,    // 431
  kTooManyRequests,   // 429
  kUnavailable,       // 503: database busy or down
  kInternal,          // 500: never reveals its log text
};

struct FieldError {
  std::string field;
  std::string reason;  // e.g. "validation.too_long"
  std::map<std::string, std::string> args;  // e.g. {"max": "64"}
};

struct Error {
  Errc code = Errc::kInternal;
  std::string reason;                          // stable code, e.g. "people.not_found"
  std::map<std::string, std::string> details;  // sent to the client as is
  std::vector<FieldError> fields;              // per-field validation failures
  std::string log;                             // internal text for logs only
};

Error MakeError(Errc code, std::string reason, std::map<std::string, std::string> details = {});
// A 400 naming one field.
Error FieldInvalid(std::string field, std::string reason, std::map<std::string, std::string> args = {});
Error NotFound(std::string reason);
Error Forbidden(std::string reason = "auth.forbidden");
Error Conflict(std::string reason, std::map<std::string, std::string> details = {});
Error Internal(std::string log);

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const Error& error() const { assert(!ok()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace tongxin::core

// The code base's two macros, standing for the two lines every fallible call would
// otherwise repeat. TX_TRY(name, expr): evaluates expr (a Result) into `name` and returns
// its error from the enclosing function when it failed; after it, *name is the value.
// TX_CHECK(expr): the same for a Status, which has no value to keep.
#define TX_TRY(name, ...)      \
  auto name = (__VA_ARGS__);   \
  if (!name) return name.error()
#define TX_CHECK(...)                                   \
  do {                                                  \
    auto tx_status_ = (__VA_ARGS__);                    \
    if (!tx_status_) return tx_status_.error();         \
  } while (false)
