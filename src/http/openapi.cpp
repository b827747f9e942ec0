// OpenAPI generation.
#include "http/openapi.hpp"

#include <cctype>

#include "core/roles.hpp"
#include "core/text.hpp"

namespace tongxin::http {

boost::json::object BuildOpenApi(const Router& router, const std::string& version) {
  boost::json::object paths;
  for (const auto& r : router.routes()) {
    boost::json::object op;
    op["summary"] = r.summary;
    op["tags"] = boost::json::array{boost::json::value(r.tag)};
    // URL-safe and unique: "get_api_v1_people_id".
    std::string op_id = core::ToLowerAscii(r.method);
    for (char c : r.pattern) {
      const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
      if (word) op_id += c;
      else if (op_id.back() != '_') op_id += '_';
    }
    while (op_id.back() == '_') op_id.pop_back();
    op["operationId"] = op_id;
    boost::json::array params;
    for (std::size_t pos = r.pattern.find('{'); pos != std::string::npos; pos = r.pattern.find('{', pos + 1)) {
      std::string name = r.pattern.substr(pos + 1, r.pattern.find('}', pos) - pos - 1);
      params.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    }
    if (!params.empty()) op["parameters"] = std::move(params);
    if (r.body == BodyKind::kJson) {
      op["requestBody"] = {{"required", true},
                           {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    } else if (r.body == BodyKind::kFile) {
      op["requestBody"] = {
          {"required", true},
          {"content",
           {{"text/csv", {{"schema", {{"type", "string"}}}}},
            {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
    }
    boost::json::array roles;
    if (r.access.is_public) {
      op["security"] = boost::json::array{};
    } else {
      for (auto role : core::AllRoles()) {
        if (r.access.roles.Has(role)) roles.push_back(boost::json::value(core::RoleName(role)));
      }
      op["x-roles"] = std::move(roles);
    }
    op["responses"] = {{"200", {{"description", "OK"}}},
                       {"4XX", {{"description", "Error"}, {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}};
    std::string method = core::ToLowerAscii(r.method);
    auto& entry = paths[r.pattern];  // a new key starts as null
    if (!entry.is_object()) entry = boost::json::object();
    entry.as_object()[method] = std::move(op);
  }
  return {
      {"openapi", "3.0.3"},
      {"info", {{"title", "Tongxin API"}, {"version", version}}},
      {"servers", boost::json::array{boost::json::object{{"url", "/"}, {"description", "this server"}}}},
      {"paths", std::move(paths)},
      {"components",
       {{"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "tx_session"}}},
          {"token", {{"type", "http"}, {"scheme", "bearer"}}}}},
        {"schemas",
         {{"Error",
           {{"type", "object"},
            {"properties",
             {{"error",
               {{"type", "object"},
                {"properties",
                 {{"code", {{"type", "string"}}},
                  {"message", {{"type", "string"}}},
                  {"details", {{"type", "object"}}}}}}}}}}}}}}},
      {"security", boost::json::array{boost::json::object{{"session", boost::json::array{}}},
                                      boost::json::object{{"token", boost::json::array{}}}}},
  };
}

}  // namespace tongxin::http
