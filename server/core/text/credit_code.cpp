#include "core/text/credit_code.hpp"

#include <cctype>

namespace tongxin::text {

namespace {

constexpr std::string_view kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // value = position

int ValueOf(char c) {
    const size_t at = kChars.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::optional<char> CreditCodeCheckChar(std::string_view first17) {
    if (first17.size() != 17) return std::nullopt;
    int sum = 0, weight = 1;  // 3^i mod 31: 1, 3, 9, 27, 19, 26, 16, …
    for (char c : first17) {
        const int v = ValueOf(c);
        if (v < 0) return std::nullopt;
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    const int check = (31 - sum % 31) % 31;
    return kChars[static_cast<size_t>(check)];
}

std::optional<std::string> NormalizeCreditCode(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c == ' ' || c == '-') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (out.size() != 18) return std::nullopt;
    for (size_t i = 2; i < 8; ++i)
        if (out[i] < '0' || out[i] > '9') return std::nullopt;  // the division code is digits
    auto check = CreditCodeCheckChar(std::string_view(out).substr(0, 17));
    if (!check || *check != out[17]) return std::nullopt;
    return out;
}

}  // namespace tongxin::text
