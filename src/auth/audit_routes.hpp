// /api/v1/audit: browse, filter and export the audit log (admins only).
#pragma once

#include "http/router.hpp"
#include "storage/database.hpp"

namespace tongxin::auth {

void RegisterAuditRoutes(http::Router& router, storage::Database& db);

}  // namespace tongxin::auth
