#include "auth/crypto.hpp"

#include <gtest/gtest.h>

namespace tongxin::auth {
namespace {

TEST(CryptoTest, PasswordHashVerifies) {
  ASSERT_TRUE(InitCrypto());
  const std::string h = HashPassword("correct horse battery");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword("correct horse battery", h));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", h));
  EXPECT_NE(HashPassword("correct horse battery"), h);  // salted
}

TEST(CryptoTest, TokensAreRandomAndHashedStably) {
  ASSERT_TRUE(InitCrypto());
  EXPECT_EQ(RandomHex(16).size(), 32u);
  EXPECT_NE(RandomHex(16), RandomHex(16));
  EXPECT_EQ(HashToken("abc"), HashToken("abc"));
  EXPECT_NE(HashToken("abc"), HashToken("abd"));
  EXPECT_EQ(HashToken("abc").size(), 64u);
}

}  // namespace
}  // namespace tongxin::auth
