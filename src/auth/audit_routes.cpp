// Audit log routes.
#include "auth/audit_routes.hpp"

#include <boost/json.hpp>

#include "auth/audit.hpp"
#include "http/replies.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "io/csv.hpp"
#include "io/xlsx.hpp"
#include "http/route_kit.hpp"

namespace tongxin::auth {
namespace {

constexpr std::size_t kMaxExportRows = 100000;

AuditFilter FilterFrom(const http::Request& req) {
  AuditFilter f;
  f.from = req.Query("from");
  f.to = req.Query("to");
  f.username = req.Query("username");
  f.entity = req.Query("entity");
  f.entity_id = req.Query("entity_id");
  f.action = req.Query("action");
  return f;
}

boost::json::object ToJson(const AuditEntry& e) {
  boost::json::object o{{"id", e.id},           {"at", e.at},
                        {"username", e.username}, {"action", e.action},
                        {"entity", e.entity},   {"entity_id", e.entity_id},
                        {"before", e.before_json}, {"after", e.after_json},
                        {"request_id", e.request_id}, {"ip", e.ip}};
  o["user_id"] = e.user_id ? boost::json::value(*e.user_id) : boost::json::value(nullptr);
  return o;
}

}  // namespace

void RegisterAuditRoutes(http::Router& router, storage::Database& db) {
  using namespace http::kit;  // NOLINT(google-build-using-namespace)
  const auto admin = Access::Roles(core::roles::kAdmins);

  router.Add({"GET", "/api/v1/audit", admin, "audit",
              "Audit entries, newest first (filters: from, to, username, entity, entity_id, action)",
              [&db](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(res, ListAudit(db, FilterFrom(ctx.req), *page));
                return http::JsonResponse(http::PageJson(*res, [&](const auto& e) { return ToJson(e); }));
              }});

  router.Add({"GET", "/api/v1/audit/export", admin, "audit", "Export the filtered audit log as XLSX or CSV",
              [&db](Context& ctx) -> core::Result<Response> {
                const std::string format = ctx.req.Query("format", "xlsx");
                if (format != "xlsx" && format != "csv") {
                  return core::FieldInvalid("format", "validation.invalid_choice", {{"choices", "xlsx, csv"}});
                }
                core::PageRequest all{1, static_cast<int>(kMaxExportRows)};
                TX_TRY(res, ListAudit(db, FilterFrom(ctx.req), all));
                const bool zh = ctx.lang == core::Lang::kZh;
                io::Sheet sheet;
                sheet.name = zh ? "审计日志" : "Audit log";
                sheet.headers = zh ? std::vector<std::string>{"时间", "用户", "操作", "对象", "对象编号", "修改前",
                                                              "修改后", "请求编号", "IP"}
                                   : std::vector<std::string>{"Time", "User", "Action", "Entity", "Entity id",
                                                              "Before", "After", "Request id", "IP"};
                sheet.widths = {22, 14, 14, 12, 10, 50, 50, 20, 16};
                for (const auto& e : res->items) {
                  sheet.rows.push_back({e.at, e.username, e.action, e.entity, e.entity_id, e.before_json,
                                        e.after_json, e.request_id, e.ip});
                }
                const std::string stamp = core::FormatIso(std::chrono::system_clock::now()).substr(0, 10);
                if (format == "csv") {
                  return http::FileResponse(io::WriteCsv(sheet), "text/csv; charset=utf-8",
                                            "audit-" + stamp + ".csv");
                }
                TX_TRY(bytes, io::WriteXlsx({sheet}));
                return http::FileResponse(std::move(bytes.value()),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          "audit-" + stamp + ".xlsx");
              }});

  // Reading the audit log is itself on record.
  router.AuditReads("GET", "/api/v1/audit", "audit_log");
  router.AuditReads("GET", "/api/v1/audit/export", "audit_log");
}

}  // namespace tongxin::auth
