// The Actor of a request, for audit entries written by any module's routes.
#pragma once

#include "auth/audit.hpp"
#include "http/router.hpp"

namespace tongxin::auth {

inline Actor ActorFrom(const http::Context& ctx) {
  Actor a;
  if (ctx.user) {
    a.user_id = ctx.user->user_id;
    a.username = ctx.user->username;
  } else {
    a.username = "";
  }
  a.request_id = ctx.req.request_id;
  a.ip = ctx.req.remote_ip;
  return a;
}

}  // namespace tongxin::auth
