// Demo partners for `make run`, from the bulletin: the Welsh partner whose Vice-Chancellor
// raised 20,000 GBP (linked to its donor record), the Pakistani embassy whose third
// secretary visited, the Comoros embassy's note, and partner universities abroad that
// wrote to express support, with their letters in and out; the letter of sympathy in the
// president's name as a template, and a mass letter of it to preview and send.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "app/app.hpp"
#include "core/result.hpp"

namespace tongxin::app {

core::Status LoadPartners(App& app, const core::Principal& system, const auth::Actor& actor,
                          const std::map<std::string, std::int64_t>& units);

}  // namespace tongxin::app
