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
// /readyz: ok when the database answers.
using ReadinessCheck = std::function<core::Status()>;

class Dispatcher {
 public:
  Dispatcher(Router router, Authenticator auth, ReadinessCheck ready, std::size_t default_max_body);

  void SetStaticFiles(std::unique_ptr<StaticFiles> files) { static_ = std::move(files); }
  Response Handle(Request& req) const;
  // The body limit for a request, known from its method and target before the body is read.
  std::size_t BodyLimitFor(const std::string& method, const std::string& target) const;
  const Router& router() const { return router_; }

 private:
  core::Result<Response> Route(Request& req, core::Lang& lang) const;

  Router router_;
  Authenticator auth_;
  ReadinessCheck ready_;
  std::size_t default_max_body_;
  std::unique_ptr<StaticFiles> static_;
};

}  // namespace tongxin::http
