// Path matching with {param} segments.
#include "http/router.hpp"

#include "core/paging.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>

namespace tongxin::http {

core::Result<std::int64_t> Context::Id(const std::string& name) const {
  auto it = req.params.find(name);
  return core::ParseId(it == req.params.end() ? std::string() : it->second, name);
}

void Router::Add(Route route) {
  assert(route.handler && !route.pattern.empty());
  routes_.push_back(std::move(route));
}

void Router::AuditReads(const std::string& method, const std::string& pattern, std::string entity,
                        bool only_unmasked) {
  for (auto& r : routes_) {
    if (r.method != method || r.pattern != pattern) continue;
    r.audit_read = std::move(entity);
    r.audit_only_unmasked = only_unmasked;
    return;
  }
  assert(false && "AuditReads names a route that is not there");
}

bool Router::MatchPattern(const std::string& pattern, const std::string& path,
                          std::map<std::string, std::string>* params) {
  std::size_t pi = 0, si = 0;
  while (pi < pattern.size() && si <= path.size()) {
    if (pattern[pi] == '{') {
      std::size_t close = pattern.find('}', pi);
      std::string name = pattern.substr(pi + 1, close - pi - 1);
      std::size_t seg_end = path.find('/', si);
      if (seg_end == std::string::npos) seg_end = path.size();
      if (seg_end == si) return false;
      (*params)[name] = path.substr(si, seg_end - si);
      pi = close + 1;
      si = seg_end;
    } else {
      if (si >= path.size() || pattern[pi] != path[si]) return false;
      ++pi;
      ++si;
    }
  }
  return pi == pattern.size() && si == path.size();
}

Match Router::Find(const std::string& method, const std::string& path) const {
  // Literal segments beat parameters: among the routes whose pattern fits the path, only
  // those with the fewest parameters count ("/people/export" over "/people/{id}").
  std::size_t best_params = SIZE_MAX;
  std::vector<std::pair<const Route*, std::map<std::string, std::string>>> fits;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, path, &params)) continue;
    if (params.size() < best_params) {
      best_params = params.size();
      fits.clear();
    }
    if (params.size() == best_params) fits.emplace_back(&r, std::move(params));
  }
  Match m;
  for (auto& [r, params] : fits) {
    if (r->method == method || (method == "HEAD" && r->method == "GET")) {
      m.route = r;
      m.params = std::move(params);
      m.allowed.clear();
      return m;
    }
    if (std::find(m.allowed.begin(), m.allowed.end(), r->method) == m.allowed.end()) m.allowed.push_back(r->method);
  }
  return m;
}

std::size_t Router::MaxBody(std::size_t fallback) const {
  std::size_t max = fallback;
  for (const auto& r : routes_) max = std::max(max, r.max_body);
  return max;
}

}  // namespace tongxin::http
