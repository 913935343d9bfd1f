#pragma once
// The message catalogue for error codes and field reasons, Chinese first, English second.
#include <string>
#include <string_view>

namespace tongxin {

// Returns the text for `key` in `lang` ("zh" or "en"); the key itself if unknown.
std::string Message(std::string_view key, std::string_view lang);

}  // namespace tongxin
