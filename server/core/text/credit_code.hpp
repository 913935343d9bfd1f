#pragma once
// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capitals without I, O, Z, S,
// V; registration authority and kind (2), division code (6 digits), organisation code (9),
// check character (1, MOD 31 over the first 17 with weights 3^i mod 31).
#include <optional>
#include <string>
#include <string_view>

namespace tongxin::text {

// The check character of the first 17 characters; nullopt when one is outside the code's set.
std::optional<char> CreditCodeCheckChar(std::string_view first17);
// A valid code, upper-cased and without spaces; nullopt if the length, a character or the check
// character is wrong.
std::optional<std::string> NormalizeCreditCode(std::string_view code);

}  // namespace tongxin::text
