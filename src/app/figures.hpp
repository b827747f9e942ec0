// Live figures: counts a module computes from its data for messages written from data
// (the daily briefing's "reports today", "travellers abroad"; later the work bulletin). A
// module adds its own at registration; those who write messages read them by key, without
// knowing which module owns a figure.
#pragma once

#include <soci/soci.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tongxin::app {

// When a figure is read: the deployment's local day, yesterday, and the instant (ISO).
struct FigureDay {
  std::string today, yesterday, now;
};

struct Figure {
  std::string key;  // a placeholder name: lower case, digits, '_'
  std::string label_zh, label_en;
  std::function<std::int64_t(soci::session&, const FigureDay&)> read;
};

class Figures {
 public:
  void Add(Figure f) { all_.push_back(std::move(f)); }
  const std::vector<Figure>& all() const { return all_; }
  const Figure* Find(const std::string& key) const {
    auto it = std::find_if(all_.begin(), all_.end(), [&](const Figure& f) { return f.key == key; });
    return it == all_.end() ? nullptr : &*it;
  }

 private:
  std::vector<Figure> all_;
};

}  // namespace tongxin::app
