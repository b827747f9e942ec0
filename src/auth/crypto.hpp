// Password hashing (argon2id via libsodium) and random tokens. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace tongxin::auth {

// Initialises libsodium; call once before anything else here (idempotent).
bool InitCrypto();
// argon2id hash in libsodium's self-describing string form.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& hash);
// n random bytes as lower-case hex (2n characters).
std::string RandomHex(std::size_t n);
// BLAKE2b-256 of a token as hex: what the database stores instead of the token.
std::string HashToken(std::string_view token);

}  // namespace tongxin::auth
