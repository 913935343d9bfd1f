#pragma once
// Whether a code is one of the codes a field or query parameter allows.
#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace tongxin::util {

template <typename Codes>
bool IsOneOf(std::string_view value, const Codes& codes) {
    return std::any_of(std::begin(codes), std::end(codes), [&](const auto& c) { return value == c; });
}

inline bool IsOneOf(std::string_view value, std::initializer_list<std::string_view> codes) {
    return std::find(codes.begin(), codes.end(), value) != codes.end();
}

}  // namespace tongxin::util
