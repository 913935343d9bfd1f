#pragma once
// Vault: the server's secret keys and the operations on sensitive fields.
// The key file holds 96 random bytes (encryption key, lookup-hash key, CSRF key); it is created
// with mode 0600 on first start and never leaves the server. Losing it makes encrypted fields
// unreadable: back it up with the database (see docs/operations.md).
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace tongxin::crypto {

class Vault {
  public:
    // Loads the key file, creating it (0600) if it does not exist. Throws on a malformed file.
    static Vault LoadOrCreate(const std::string& path);
    // Loads an existing key file; throws if it is missing or malformed.
    static Vault Load(const std::string& path);
    // A vault with fixed keys for unit tests.
    static Vault ForTests();

    // XChaCha20-Poly1305; the output is base64(nonce || ciphertext).
    std::string Encrypt(std::string_view plain) const;
    // Returns nullopt if the text was altered or encrypted under another key.
    std::optional<std::string> Decrypt(std::string_view sealed) const;
    // Keyed BLAKE2b of a normalised value, hex; equal inputs give equal hashes.
    std::string LookupHash(std::string_view value) const;
    // Keyed hash bound to a session token: the CSRF token a client echoes in X-CSRF-Token.
    std::string CsrfToken(std::string_view session_token) const;
    // The audit chain's MAC key, derived from the encryption key (one-way: it does not reveal it).
    std::array<unsigned char, 32> AuditKey() const;

  private:
    std::array<unsigned char, 32> enc_key_{};
    std::array<unsigned char, 32> hash_key_{};
    std::array<unsigned char, 32> csrf_key_{};
};

// Unkeyed helpers.
std::string Sha256Hex(std::string_view data);
std::string HmacSha256Hex(const std::array<unsigned char, 32>& key, std::string_view data);
// Compares two strings in time that depends only on their lengths.
bool EqualConstantTime(std::string_view a, std::string_view b);
std::string RandomToken();     // 256 random bits, base64url without padding
std::string RandomPassword();  // meets the password policy
void EnsureSodium();

}  // namespace tongxin::crypto
