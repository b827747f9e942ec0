// Turns a Request into a Response: routing, authentication, declared access, CSRF,
// content type, the handler, and the one place where exceptions become a 500.
// Runs on the worker pool (it may block on the database). Thread-safe after set-up.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "core/result.hpp"
#include "core/roles.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace tongxin::http {

// Finds the caller from the request's cookie or bearer token: nullopt when there are no
// valid credentials; an error only when the lookup itself failed (database down).
using Authenticator = std::function<core::Result<std::optional<core::Principal>>(const Request&)>;
// Records an audited read (Route::audit_read) of `entity` by the caller: what was asked
// (path and query) goes into the entry. Blocks on the database.
using ReadAudit = std::function<core::Status(const Request&, const core::Principal&, const std::string& entity)>;
// /readyz: ok when the database answers.
using ReadinessCheck = std::function<core::Status()>;

// Bodies larger than this are read only for callers their headers authenticate.
inline constexpr std::size_t kAnonymousMaxBody = 64 * 1024;

class Dispatcher {
 public:
  Dispatcher(Router router, Authenticator auth, ReadinessCheck ready, std::size_t default_max_body);

  void SetStaticFiles(std::unique_ptr<StaticFiles> files) { static_ = std::move(files); }
  Response Handle(Request& req) const;
  // The body limit for a request, known from its method and target before the body is read.
  std::size_t BodyLimitFor(const std::string& method, const std::string& target) const;
  // True when the request's headers carry valid credentials. May block (database): call
  // on the worker pool.
  bool Authenticated(const Request& req) const;
  // Behind TLS: every response carries Strict-Transport-Security.
  void SetHsts(bool on) { hsts_ = on; }
  void SetReadAudit(ReadAudit audit) { audit_ = std::move(audit); }
  const Router& router() const { return router_; }

 private:
  core::Result<Response> Route(Request& req, core::Lang& lang) const;

  Router router_;
  Authenticator auth_;
  ReadinessCheck ready_;
  std::size_t default_max_body_;
  std::unique_ptr<StaticFiles> static_;
  bool hsts_ = false;
  ReadAudit audit_;
};

}  // namespace tongxin::http
