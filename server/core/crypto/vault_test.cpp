#include "core/crypto/vault.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/auth/roles.hpp"
#include "core/testing/temp_db.hpp"

namespace tongxin::crypto {

TEST(Vault, EncryptsWithAFreshNonceAndDecrypts) {
    Vault v = Vault::ForTests();
    auto a = v.Encrypt("13812341234");
    auto b = v.Encrypt("13812341234");
    EXPECT_NE(a, b);
    EXPECT_EQ(v.Decrypt(a), "13812341234");
    EXPECT_EQ(a.find("1381234"), std::string::npos);
}

TEST(Vault, RejectsAlteredCiphertext) {
    Vault v = Vault::ForTests();
    auto sealed = v.Encrypt("510104199001011234");
    sealed[sealed.size() / 2] = sealed[sealed.size() / 2] == 'A' ? 'B' : 'A';
    EXPECT_EQ(v.Decrypt(sealed), std::nullopt);
    EXPECT_EQ(v.Decrypt("not base64!"), std::nullopt);
}

TEST(Vault, LookupHashIsStableAndKeyed) {
    Vault v = Vault::ForTests();
    EXPECT_EQ(v.LookupHash("x"), v.LookupHash("x"));
    EXPECT_NE(v.LookupHash("x"), v.LookupHash("y"));
    EXPECT_NE(v.LookupHash("x"), Sha256Hex("x"));
}

TEST(Vault, KeyFileIsCreatedPrivateAndReloaded) {
    testing::TempDb t;
    std::string path = t.dir() + "/k.key";
    Vault a = Vault::LoadOrCreate(path);
    struct stat st {};
    ASSERT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);
    Vault b = Vault::LoadOrCreate(path);
    EXPECT_EQ(b.Decrypt(a.Encrypt("同心")), "同心");
}

TEST(Passwords, PolicyNeedsLengthAndThreeClasses) {
    EXPECT_FALSE(auth::PasswordMeetsPolicy("Short-1"));
    EXPECT_FALSE(auth::PasswordMeetsPolicy("alllowercaseletters"));
    EXPECT_FALSE(auth::PasswordMeetsPolicy("lowercase123456"));
    EXPECT_TRUE(auth::PasswordMeetsPolicy("Lowercase123456"));
    EXPECT_TRUE(auth::PasswordMeetsPolicy("lower-case-12345"));
    EXPECT_TRUE(auth::PasswordMeetsPolicy(RandomPassword()));
}

TEST(Passwords, Argon2idHashesVerify) {
    auto h = auth::HashPassword("Good-pass-2021");
    EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(auth::VerifyPassword(h, "Good-pass-2021"));
    EXPECT_FALSE(auth::VerifyPassword(h, "Good-pass-2022"));
}

}  // namespace tongxin::crypto
