#pragma once
// Small pieces every module's ToJson uses: optional values as JSON null, instants as RFC 3339.
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "core/time/clock.hpp"

namespace tongxin::http {

template <typename T>
boost::json::value OrNull(const std::optional<T>& v) {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

// Unix seconds as RFC 3339 in the community's time zone, or null.
inline boost::json::value TimeOrNull(const std::optional<int64_t>& unix_seconds) {
    return unix_seconds ? boost::json::value(time::ToRfc3339(*unix_seconds)) : boost::json::value(nullptr);
}

}  // namespace tongxin::http
