#include "core/money/money.hpp"

namespace tongxin::money {

Parsed ParseYuan(std::string_view s) {
    Parsed out;
    std::string digits;
    for (char c : s)
        if (c != ',' && c != ' ') digits += c;
    if (digits.empty()) return out;
    if (digits[0] == '-') {
        out.error = ParseError::kNegative;
        return out;
    }
    size_t dot = digits.find('.');
    std::string whole = digits.substr(0, dot), frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
    if (whole.empty() && frac.empty()) return out;
    for (char c : whole + frac)
        if (c < '0' || c > '9') return out;
    if (dot != std::string::npos && frac.empty()) return out;
    // Trailing zeros beyond the fen are harmless ("1.500"); a non-zero digit there is not.
    while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
    if (frac.size() > 2) {
        out.error = ParseError::kFractionOfFen;
        return out;
    }
    while (frac.size() < 2) frac += '0';
    if (whole.size() > 12) {
        out.error = ParseError::kTooLarge;
        return out;
    }
    int64_t fen = (whole.empty() ? 0 : std::stoll(whole)) * 100 + std::stoll(frac);
    if (fen > kMaxFen) {
        out.error = ParseError::kTooLarge;
        return out;
    }
    out.fen = fen;
    return out;
}

std::string FormatYuan(int64_t fen) {
    bool negative = fen < 0;
    uint64_t v = negative ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
    std::string whole = std::to_string(v / 100);
    std::string grouped;
    for (size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
        grouped += whole[i];
    }
    unsigned cents = static_cast<unsigned>(v % 100);
    return (negative ? "-" : "") + grouped + "." + static_cast<char>('0' + cents / 10) +
           static_cast<char>('0' + cents % 10);
}

const char* ReasonOf(ParseError e) {
    switch (e) {
        case ParseError::kFractionOfFen:
            return "fraction_of_fen";
        case ParseError::kNegative:
            return "negative_amount";
        case ParseError::kTooLarge:
            return "amount_too_large";
        default:
            return "invalid_amount";
    }
}

}  // namespace tongxin::money
