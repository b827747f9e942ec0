// Time source, injected so tests can fix "now"; ISO-8601 UTC formatting.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tongxin::core {

using TimePoint = std::chrono::system_clock::time_point;

// Thread-safe: implementations must allow concurrent Now() calls.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// "2026-11-28T23:59:01Z" (second precision, UTC); sorts as text.
std::string FormatIso(TimePoint t);
std::optional<TimePoint> ParseIso(std::string_view s);

}  // namespace tongxin::core
