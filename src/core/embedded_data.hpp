// Data files embedded in the binary by CMake: src/core/*.toml and src/modules/<m>/*.toml,
// named "<dir>/<stem>" ("core/messages", "health/messages", "incidents/default_plans").
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace tongxin::core {

// (name, text) of every embedded file.
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();

// The text of the named file; nullopt when there is none.
inline std::optional<std::string_view> EmbeddedFile(std::string_view name) {
  for (const auto& [n, text] : EmbeddedFiles()) {
    if (n == name) return text;
  }
  return std::nullopt;
}

}  // namespace tongxin::core
