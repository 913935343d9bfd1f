#pragma once
// Money is an int64 number of fen (分). Amounts typed by people are yuan with at most two
// decimals ("1234.5", "1,234.56", "0.01"); anything finer than a fen, negative, or above the
// limit is refused rather than rounded.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tongxin::money {

// The largest single amount accepted: 100 million yuan.
constexpr int64_t kMaxFen = 10'000'000'000;

enum class ParseError { kMalformed, kFractionOfFen, kNegative, kTooLarge };

struct Parsed {
    std::optional<int64_t> fen;
    ParseError error = ParseError::kMalformed;
};

Parsed ParseYuan(std::string_view text);
// "1,234.56" from 123456.
std::string FormatYuan(int64_t fen);
// The field reason for a parse error (messages catalogue key).
const char* ReasonOf(ParseError e);

}  // namespace tongxin::money
