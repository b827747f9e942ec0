// libsodium wrappers.
#include "auth/crypto.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "core/text.hpp"

namespace tongxin::auth {

bool InitCrypto() { return sodium_init() >= 0; }

std::string HashPassword(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("crypto_pwhash_str: out of memory");
  }
  return out;
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomHex(std::size_t n) {
  std::vector<unsigned char> buf(n);
  randombytes_buf(buf.data(), n);
  return core::HexEncode(std::string_view(reinterpret_cast<const char*>(buf.data()), n));
}

std::string HashToken(std::string_view token) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return core::HexEncode(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

}  // namespace tongxin::auth
