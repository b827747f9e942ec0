// API tokens for scripts: created (shown once), listed with last use and expiry, revoked.
#include "auth/auth_service.hpp"

#include <boost/json.hpp>

#include "auth/crypto.hpp"
#include "core/text.hpp"

namespace tongxin::auth {

core::Result<std::pair<TokenInfo, std::string>> AuthService::CreateToken(const core::Principal& who,
                                                                         const std::string& name,
                                                                         int expires_in_days, const Actor& actor) {
  const std::string plain = "tx_" + RandomHex(24);
  const auto now = clock_.Now();
  const std::string expires =
      expires_in_days > 0 ? core::FormatIso(now + std::chrono::hours(24) * expires_in_days) : std::string();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::pair<TokenInfo, std::string>> {
    repo::TokenRow t{0, who.user_id, name, HashToken(plain), plain.substr(0, 9), core::FormatIso(now), "", false,
                     expires};
    t.id = repo::InsertToken(sql, t);
    RecordAudit(sql, actor, t.created_at, "create", "token", std::to_string(t.id), "",
                boost::json::serialize(boost::json::object{{"name", name}, {"prefix", t.prefix}, {"expires_at", expires}}));
    return std::make_pair(TokenInfo{t.id, t.name, t.prefix, t.created_at, "", expires}, plain);
  });
}

core::Result<std::vector<TokenInfo>> AuthService::ListTokens(const core::Principal& who) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<TokenInfo>> {
    std::vector<TokenInfo> out;
    for (const auto& t : repo::ListTokens(sql, who.user_id)) {
      out.push_back({t.id, t.name, t.prefix, t.created_at, t.last_used_at, t.expires_at});
    }
    return out;
  });
}

core::Status AuthService::RevokeToken(const core::Principal& who, std::int64_t token_id, const Actor& actor) {
  const PrincipalsForgotten forget(*this);  // after the change below has committed
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    if (!repo::RevokeToken(sql, who.user_id, token_id)) return core::NotFound("tokens.not_found");
    RecordAudit(sql, actor, Now(), "revoke", "token", std::to_string(token_id), "", "");
    return {};
  });
}

}  // namespace tongxin::auth
