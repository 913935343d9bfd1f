#include "core/crypto/vault.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace tongxin::crypto {
namespace {

std::string ToHex(const unsigned char* data, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}

std::string ToBase64(const unsigned char* data, size_t n, int variant) {
    std::string out(sodium_base64_encoded_len(n, variant), '\0');
    sodium_bin2base64(out.data(), out.size(), data, n, variant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::string KeyedHash(const std::array<unsigned char, 32>& key, std::string_view data) {
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(), key.data(),
                       key.size());
    return ToHex(out, sizeof out);
}

}  // namespace

void EnsureSodium() {
    static const bool ok = sodium_init() >= 0;
    if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

Vault Vault::Load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("key file " + path + " not found (give --key)");
    return LoadOrCreate(path);
}

Vault Vault::LoadOrCreate(const std::string& path) {
    EnsureSodium();
    Vault v;
    std::ifstream in(path, std::ios::binary);
    if (in) {
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
        if (bytes.size() != 96) throw std::runtime_error("key file " + path + " is not a Tongxin key file");
        std::copy(bytes.begin(), bytes.begin() + 32, v.enc_key_.begin());
        std::copy(bytes.begin() + 32, bytes.begin() + 64, v.hash_key_.begin());
        std::copy(bytes.begin() + 64, bytes.end(), v.csrf_key_.begin());
        return v;
    }
    randombytes_buf(v.enc_key_.data(), 32);
    randombytes_buf(v.hash_key_.data(), 32);
    randombytes_buf(v.csrf_key_.data(), 32);
    mode_t old = umask(077);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    umask(old);
    if (!out) throw std::runtime_error("cannot create key file " + path);
    out.write(reinterpret_cast<const char*>(v.enc_key_.data()), 32);
    out.write(reinterpret_cast<const char*>(v.hash_key_.data()), 32);
    out.write(reinterpret_cast<const char*>(v.csrf_key_.data()), 32);
    out.close();
    chmod(path.c_str(), 0600);
    return v;
}

Vault Vault::ForTests() {
    EnsureSodium();
    Vault v;
    v.enc_key_.fill(1);
    v.hash_key_.fill(2);
    v.csrf_key_.fill(3);
    return v;
}

std::string Vault::Encrypt(std::string_view plain) const {
    constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::vector<unsigned char> buf(kNonce + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    randombytes_buf(buf.data(), kNonce);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(buf.data() + kNonce, &clen,
                                               reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                                               nullptr, 0, nullptr, buf.data(), enc_key_.data());
    return ToBase64(buf.data(), kNonce + clen, sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::string> Vault::Decrypt(std::string_view sealed) const {
    constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::vector<unsigned char> bin(sealed.size());
    size_t len = 0;
    if (sodium_base642bin(bin.data(), bin.size(), sealed.data(), sealed.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
        return std::nullopt;
    }
    std::string plain(len - kNonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long plen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &plen, nullptr,
                                                   bin.data() + kNonce, len - kNonce, nullptr, 0, bin.data(),
                                                   enc_key_.data()) != 0) {
        return std::nullopt;
    }
    plain.resize(plen);
    return plain;
}

std::string Vault::LookupHash(std::string_view value) const { return KeyedHash(hash_key_, value); }

std::string Vault::CsrfToken(std::string_view session_token) const {
    return KeyedHash(csrf_key_, session_token).substr(0, 32);
}

std::array<unsigned char, 32> Vault::AuditKey() const {
    static constexpr char kContext[] = "tongxin/audit-chain/v2";
    std::array<unsigned char, 32> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kContext), sizeof kContext - 1,
                       enc_key_.data(), enc_key_.size());
    return out;
}

std::string HmacSha256Hex(const std::array<unsigned char, 32>& key, std::string_view data) {
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key.data(), key.size());
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    crypto_auth_hmacsha256_final(&st, out);
    return ToHex(out, sizeof out);
}

bool EqualConstantTime(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Sha256Hex(std::string_view data) {
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return ToHex(out, sizeof out);
}

std::string RandomToken() {
    EnsureSodium();
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    return ToBase64(buf, sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string RandomPassword() {
    EnsureSodium();
    static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string pw = "Tx-";
    for (int i = 0; i < 12; ++i) pw += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    pw += std::to_string(randombytes_uniform(90) + 10);
    pw += "a";
    pw.insert(pw.begin() + 3, 'K');
    return pw;
}

}  // namespace tongxin::crypto
