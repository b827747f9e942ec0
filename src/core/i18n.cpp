// The server's message catalogue. Each reason has a zh-CN and an en text; "{name}" is
// replaced by the detail or field argument of that name.
#include "core/i18n.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace tongxin::core {
namespace {

using Texts = MessageTexts;

// The messages of core, http, storage and auth; modules add theirs (AddMessages).
const std::unordered_map<std::string_view, Texts>& CoreCatalogue() {
  static const std::unordered_map<std::string_view, Texts> kCatalogue = {
      // request shape
      {"request.invalid_json", {"请求内容不是有效的 JSON：{detail}", "The request body is not valid JSON: {detail}"}},
      {"request.invalid_utf8", {"请求内容不是有效的 UTF-8 文本", "The request body is not valid UTF-8 text"}},
      {"request.expected_object", {"请求内容必须是 JSON 对象", "The request body must be a JSON object"}},
      {"request.too_large", {"请求内容过大（上限 {max} 字节）", "The request body is too large (limit {max} bytes)"}},
      {"request.unsupported_media_type", {"不支持的内容类型 {content_type}，应为 {expected}", "Unsupported content type {content_type}; expected {expected}"}},
      {"request.not_found", {"找不到请求的地址", "No such address"}},
      {"request.method_not_allowed", {"该地址不支持此方法，可用：{allow}", "This address does not accept this method; allowed: {allow}"}},
      {"request.header_too_large", {"请求头过大（上限 {max} 字节）", "The request header is too large (limit {max} bytes)"}},
      {"request.malformed", {"请求不是有效的 HTTP", "The request is not valid HTTP"}},
      {"request.bad_path", {"请求路径无效", "The request path is invalid"}},
      {"request.bad_query", {"查询参数 {field} 无效", "Query parameter {field} is invalid"}},
      {"server.overloaded", {"服务器繁忙，请稍后再试", "The server is busy; please try again shortly"}},
      {"server.unavailable", {"数据库暂时不可用，请稍后再试", "The database is temporarily unavailable; please try again"}},
      {"internal", {"服务器内部错误，请联系管理员（请求编号 {request_id}）", "Internal server error; please contact the administrator (request {request_id})"}},
      // field validation
      {"validation.failed", {"输入有误：{summary}", "Invalid input: {summary}"}},
      {"validation.required", {"{field} 为必填项", "{field} is required"}},
      {"validation.unknown_field", {"不认识的字段 {field}", "Unknown field {field}"}},
      {"validation.wrong_type", {"{field} 应为{expected}", "{field} must be {expected}"}},
      {"validation.too_long", {"{field} 最多 {max} 个字符", "{field} must be at most {max} characters"}},
      {"validation.too_short", {"{field} 至少 {min} 个字符", "{field} must be at least {min} characters"}},
      {"validation.empty", {"{field} 不能为空", "{field} must not be empty"}},
      {"validation.out_of_range", {"{field} 应在 {min} 到 {max} 之间", "{field} must be between {min} and {max}"}},
      {"validation.invalid_choice", {"{field} 的取值无效，可选：{choices}", "{field} has an invalid value; choose one of: {choices}"}},
      {"validation.invalid_date", {"{field} 应为 YYYY-MM-DD 格式的有效日期", "{field} must be a valid date in YYYY-MM-DD form"}},
      {"validation.invalid_email", {"{field} 不是有效的邮箱地址", "{field} is not a valid email address"}},
      {"validation.invalid_phone", {"{field} 不是有效的电话号码", "{field} is not a valid phone number"}},
      {"validation.invalid_country", {"{field} 应为 ISO 3166 两位国家代码，如 GB", "{field} must be an ISO 3166 two-letter country code such as GB"}},
      {"validation.control_chars", {"{field} 含有不允许的控制字符", "{field} contains control characters"}},
      {"validation.name_required", {"中文姓名和外文姓名至少填写一个", "Give a Chinese name or a Latin-script name"}},
      // auth
      {"auth.unauthenticated", {"请先登录", "Please log in"}},
      {"auth.bad_credentials", {"用户名或密码错误", "Wrong username or password"}},
      {"auth.too_many_attempts", {"登录失败次数过多，请 {retry_after} 秒后再试", "Too many failed logins; try again in {retry_after} seconds"}},
      {"auth.forbidden", {"您的角色无权执行此操作", "Your role may not do this"}},
      {"auth.out_of_scope", {"该记录不在您负责的单位范围内", "This record is outside the units assigned to you"}},
      {"auth.assignee_out_of_scope", {"该账号不负责此事件所在单位", "This account does not cover the incident's unit"}},
      {"auth.csrf", {"缺少或错误的 CSRF 令牌，请刷新页面", "Missing or wrong CSRF token; reload the page"}},
      {"auth.wrong_password", {"当前密码不正确", "The current password is wrong"}},
      {"auth.weak_password", {"密码至少 10 个字符", "The password must have at least 10 characters"}},
      {"auth.user_inactive", {"该账号已停用", "This account is disabled"}},
      {"users.not_found", {"找不到该用户", "No such user"}},
      {"users.username_taken", {"用户名 {username} 已被使用", "The username {username} is taken"}},
      {"users.cannot_disable_self", {"不能停用自己的账号", "You cannot disable your own account"}},
      {"tokens.not_found", {"找不到该令牌", "No such token"}},
      {"config.invalid", {"配置项 {field} 无效：{detail}", "Setting {field} is invalid: {detail}"}},
      {"server.bind_failed", {"无法监听该地址或端口", "Cannot listen on that address or port"}},
      {"backup.postgres_use_pg_dump", {"PostgreSQL 数据库请使用 pg_dump 备份", "Back up PostgreSQL databases with pg_dump"}},
      {"backup.target_exists", {"备份文件 {path} 已存在", "The backup file {path} exists already"}},
      {"db.conflict", {"数据冲突：记录已存在或仍被引用", "Conflict: the record exists already or is still referenced"}},
  };
  return kCatalogue;
}

// Core's messages and those modules added at startup; read by every request thread.
class Registry {
 public:
  Registry() : map_(CoreCatalogue().begin(), CoreCatalogue().end()) {}
  void Add(std::initializer_list<std::pair<std::string_view, Texts>> messages) {
    std::unique_lock lock(mu_);
    for (const auto& [k, v] : messages) map_.insert_or_assign(k, v);
  }
  std::optional<Texts> Find(std::string_view reason) const {
    std::shared_lock lock(mu_);
    auto it = map_.find(reason);
    if (it == map_.end()) return std::nullopt;
    return it->second;
  }

 private:
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string_view, Texts> map_;  // keys are string literals
};

Registry& Catalogue() {
  static Registry registry;
  return registry;
}

// Generic texts per Errc, used when a reason has no entry of its own.
Texts Generic(Errc code) {
  switch (code) {
    case Errc::kInvalid: return {"输入有误", "Invalid input"};
    case Errc::kUnauthenticated: return {"请先登录", "Please log in"};
    case Errc::kForbidden: return {"无权执行此操作", "Not allowed"};
    case Errc::kNotFound: return {"找不到该记录", "Not found"};
    case Errc::kMethodNotAllowed: return {"不支持此方法", "Method not allowed"};
    case Errc::kConflict: return {"数据冲突", "Conflict"};
    case Errc::kTooLarge: return {"请求过大", "Request too large"};
    case Errc::kUnsupportedMedia: return {"不支持的内容类型", "Unsupported content type"};
    case Errc::kHeaderTooLarge: return {"请求头过大", "Request header too large"};
    case Errc::kTooManyRequests: return {"请求过于频繁", "Too many requests"};
    case Errc::kUnavailable: return {"服务暂时不可用", "Service temporarily unavailable"};
    case Errc::kInternal: break;
  }
  return {"服务器内部错误", "Internal server error"};
}

std::string Substitute(std::string text, const std::map<std::string, std::string>& args) {
  for (const auto& [k, v] : args) {
    const std::string key = "{" + k + "}";
    for (std::size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + v.size())) {
      text.replace(pos, key.size(), v);
    }
  }
  return text;
}

const std::unordered_map<std::string_view, Texts>& FieldLabels() {
  static const std::unordered_map<std::string_view, Texts> kLabels = {
      {"username", {"用户名", "username"}}, {"password", {"密码", "password"}},
      {"new_password", {"新密码", "new password"}}, {"current_password", {"当前密码", "current password"}},
      {"display_name", {"显示名称", "display name"}}, {"role", {"角色", "role"}}, {"language", {"语言", "language"}},
      {"unit_id", {"单位", "unit"}}, {"unit_ids", {"负责单位", "units"}}, {"unit", {"单位", "unit"}},
      {"person_id", {"关联人员", "person"}}, {"name_zh", {"中文姓名", "Chinese name"}},
      {"name_latin", {"外文姓名", "Latin-script name"}}, {"gender", {"性别", "gender"}},
      {"birth_date", {"出生日期", "date of birth"}}, {"nationality", {"国籍", "nationality"}},
      {"id_type", {"证件类型", "ID type"}}, {"id_number", {"证件号码", "ID number"}}, {"phone", {"手机", "phone"}},
      {"email", {"邮箱", "email"}}, {"wechat", {"微信", "WeChat"}}, {"category", {"类别", "category"}},
      {"employment_status", {"在职状态", "employment status"}},
      {"emergency_contact_name", {"紧急联系人", "emergency contact"}},
      {"emergency_contact_phone", {"紧急联系人电话", "emergency contact phone"}}, {"embassy", {"使领馆", "embassy"}},
      {"notes", {"备注", "notes"}}, {"code", {"代码", "code"}}, {"kind", {"类型", "kind"}},
      {"parent_id", {"上级单位", "parent unit"}}, {"name_en", {"英文名称", "English name"}},
      {"page", {"页码", "page"}}, {"page_size", {"每页条数", "page size"}}, {"format", {"格式", "format"}},
      {"status", {"状态", "status"}}, {"sort", {"排序", "sort"}}, {"name", {"名称", "name"}},
      {"temperature", {"体温", "temperature"}}, {"method", {"测量方式", "how it was measured"}},
      {"symptoms", {"症状", "symptoms"}}, {"symptom_other", {"其他症状", "other symptom"}},
      {"location", {"所在地", "location"}}, {"location_country", {"所在国家", "country"}},
      {"contact", {"接触史", "contact with a case"}}, {"remarks", {"备注", "remarks"}},
      {"channel", {"方式", "channel"}}, {"answer", {"询问结果", "answer"}}, {"slots", {"时段", "slots"}},
      {"time_zone", {"时区", "time zone"}}, {"start_date", {"开始日期", "start date"}},
      {"end_date", {"结束日期", "end date"}}, {"person_ids", {"人员", "people"}},
      {"late_minutes", {"补报时限", "late window"}}, {"slot", {"时段", "slot"}}, {"day", {"日期", "day"}},
      {"observation_days", {"观察天数", "observation days"}}, {"target", {"对象", "target"}},
      {"unread", {"未读", "unread"}}, {"incident_type", {"事件类型", "incident type"}},
      {"severity", {"严重程度", "severity"}}, {"title", {"标题", "title"}}, {"outcome", {"处置结果", "outcome"}},
      {"assignee_id", {"负责人", "assignee"}}, {"note", {"备注", "note"}}, {"text", {"内容", "text"}},
      {"steps", {"步骤", "steps"}}, {"step_id", {"步骤编号", "step id"}}, {"attachment_id", {"附件编号", "attachment id"}}, {"type", {"类型", "type"}},
      {"from", {"开始日期", "from"}}, {"to", {"结束日期", "to"}},
  };
  return kLabels;
}

const std::unordered_map<std::string_view, Texts>& TypeNames() {
  static const std::unordered_map<std::string_view, Texts> kTypes = {
      {"string", {"文本", "text"}}, {"integer", {"整数", "an integer"}}, {"boolean", {"true 或 false", "true or false"}},
      {"array of integers", {"整数数组", "an array of integers"}}, {"id", {"正整数编号", "a positive integer id"}},
      {"number", {"数字", "a number"}}, {"array", {"数组", "an array"}}};
  return kTypes;
}

}  // namespace

std::string FieldLabel(std::string_view field, Lang lang) {
  auto it = FieldLabels().find(field);
  if (it == FieldLabels().end()) return std::string(field);
  return lang == Lang::kZh ? it->second.zh : it->second.en;
}

std::string_view LangCode(Lang lang) { return lang == Lang::kZh ? "zh-CN" : "en"; }

std::optional<Lang> ParseLang(std::string_view code) {
  std::string c(code);
  std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (c.rfind("zh", 0) == 0) return Lang::kZh;
  if (c.rfind("en", 0) == 0) return Lang::kEn;
  return std::nullopt;
}

Lang FromAcceptLanguage(std::string_view header) {
  // Take the first supported tag with the highest q; ties keep header order.
  std::optional<Lang> best;
  double best_q = -1;
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(start, end - start);
    double q = 1.0;
    if (auto semi = item.find(';'); semi != std::string_view::npos) {
      auto qpos = item.find("q=", semi);
      if (qpos != std::string_view::npos) {
        try {
          q = std::stod(std::string(item.substr(qpos + 2)));
        } catch (...) {
          q = 0;
        }
      }
      item = item.substr(0, semi);
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (auto lang = ParseLang(item); lang && q > best_q) {
      best = lang;
      best_q = q;
    }
    start = end + 1;
  }
  return best.value_or(Lang::kZh);
}

bool HasMessage(std::string_view reason) { return Catalogue().Find(reason).has_value(); }

void AddMessages(std::initializer_list<std::pair<std::string_view, MessageTexts>> messages) {
  Catalogue().Add(messages);
}

std::string FieldMessage(const FieldError& field, Lang lang) {
  auto args = field.args;
  args["field"] = FieldLabel(field.field, lang);
  if (auto e = args.find("expected"); e != args.end()) {
    if (auto t = TypeNames().find(e->second); t != TypeNames().end()) e->second = lang == Lang::kZh ? t->second.zh : t->second.en;
  }
  const Texts t = Catalogue().Find(field.reason).value_or(Generic(Errc::kInvalid));
  return Substitute(lang == Lang::kZh ? t.zh : t.en, args);
}

std::string Message(const Error& error, Lang lang) {
  if (error.fields.size() > 1) {
    std::string summary;
    for (const auto& f : error.fields) {
      if (!summary.empty()) summary += lang == Lang::kZh ? "；" : "; ";
      summary += FieldMessage(f, lang);
    }
    const Texts failed = CoreCatalogue().at("validation.failed");
    return Substitute(lang == Lang::kZh ? failed.zh : failed.en,
                      {{"summary", summary}});
  }
  if (error.fields.size() == 1) return FieldMessage(error.fields.front(), lang);
  const Texts t = Catalogue().Find(error.reason).value_or(Generic(error.code));
  return Substitute(lang == Lang::kZh ? t.zh : t.en, error.details);
}

}  // namespace tongxin::core
