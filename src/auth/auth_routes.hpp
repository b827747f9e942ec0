// Routes for login, logout, the current user, password, language and API tokens; and the
// Authenticator the dispatcher uses to find the caller.
#pragma once

#include "auth/auth_service.hpp"
#include "http/dispatcher.hpp"
#include "http/router.hpp"

namespace tongxin::auth {

inline constexpr const char* kSessionCookie = "tx_session";
inline constexpr const char* kCsrfCookie = "tx_csrf";
// A browser that logged in before: its right password is never throttled (see Login).
inline constexpr const char* kDeviceCookie = "tx_device";
inline constexpr long long kDeviceCookieSeconds = 365LL * 24 * 3600;

struct CookieSettings {
  bool secure = false;  // add Secure (behind HTTPS)
  long long max_age_seconds = 12 * 3600;
};

// time_zone: the office's (IANA), told to the web app in /auth/me for every time it shows.
void RegisterAuthRoutes(http::Router& router, AuthService& auth, CookieSettings cookies, std::string time_zone);
void RegisterUserRoutes(http::Router& router, AuthService& auth);
http::Authenticator MakeAuthenticator(AuthService& auth);

}  // namespace tongxin::auth
