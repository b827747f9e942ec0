// Routes with declared access, matched by method and path ("/api/v1/people/{id}").
// Built once at start-up, then read-only: safe to share between threads.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/roles.hpp"
#include "http/json_body.hpp"
#include "http/message.hpp"

namespace tongxin::http {

// What a handler gets: the request, the caller (null only on public routes) and language.
struct Context {
  Request& req;
  const core::Principal* user;
  core::Lang lang;

  const core::Principal& User() const { return *user; }
  // The path parameter `name` ("{id}") as a positive id. Errors: validation (400) naming it.
  core::Result<std::int64_t> Id(const std::string& name = "id") const;
  // The JSON object body read by a module's parser: ctx.Body(ParsePlanInput, true) is
  // ParsePlanInput(body, true). Errors: the body's (400, 415) or the parser's.
  template <class Parse, class... Args>
  auto Body(Parse parse, Args&&... args) const
      -> decltype(parse(std::declval<const boost::json::object&>(), std::forward<Args>(args)...)) {
    auto body = ParseJsonObject(req);
    if (!body) return body.error();
    return parse(*body, std::forward<Args>(args)...);
  }
};

using Handler = std::function<core::Result<Response>(Context&)>;

// Who may call a route: anyone (public) or a set of roles. Declared once per route.
struct Access {
  bool is_public = false;
  core::RoleSet roles;
  static Access Public() { return {true, {}}; }
  static Access Roles(core::RoleSet r) { return {false, r}; }
};

enum class BodyKind { kNone, kJson, kFile };

struct Route {
  std::string method;
  std::string pattern;
  Access access;
  std::string tag;      // OpenAPI tag, e.g. "people"
  std::string summary;  // OpenAPI summary
  Handler handler;
  BodyKind body = BodyKind::kNone;
  std::size_t max_body = 0;  // 0: the server default
  bool csrf_exempt = false;  // only login, which has no session yet
  // Reads of health data, of unmasked identifiers and of the audit log are audited by the
  // dispatcher after a successful answer, as a "read" of this entity (one place for all
  // routes, instead of remembering it in each). Empty: not audited here (not sensitive, or
  // audited by its service with the record's id).
  std::string audit_read;
  bool audit_only_unmasked = false;  // only for callers who see identifiers unmasked
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed;  // methods for the path when the method did not match
};

class Router {
 public:
  void Add(Route route);
  // Declares the reads of a route the dispatcher audits (see Route::audit_read).
  void AuditReads(const std::string& method, const std::string& pattern, std::string entity,
                  bool only_unmasked = false);
  // route set when method and path match; otherwise allowed lists the methods the path
  // accepts (empty: no such path).
  Match Find(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }
  // The largest body any route accepts (the server's read limit before routing).
  std::size_t MaxBody(std::size_t fallback) const;

 private:
  static bool MatchPattern(const std::string& pattern, const std::string& path,
                           std::map<std::string, std::string>* params);
  std::vector<Route> routes_;
};

}  // namespace tongxin::http
