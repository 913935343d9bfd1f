#pragma once
// Chinese text: pinyin of names (ICU Han-Latin/Names, so surnames read right: 曾 zeng, 单 shan),
// pinyin-order collation, UTF-8 splitting, and masking for display.
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::text {

struct NamePinyin {
    std::string full;      // "zhangsanfeng": lowercase ASCII, no spaces
    std::string initials;  // "zsf"
};

// Thread-safe; each thread keeps its own transliterator.
NamePinyin PinyinOfName(std::string_view name);

// Orders names as people number things: "2栋" before "10栋", "101" before "1001"; the rest in
// Chinese (pinyin) order (ICU's zh collator with numeric collation). Thread-safe.
bool NaturalLess(std::string_view a, std::string_view b);

// Splits UTF-8 text into code points, each as its own string.
std::vector<std::string> Utf8Chars(std::string_view s);
bool IsValidUtf8(std::string_view s);
// True if every code point is a CJK ideograph (or the middle dot of transliterated names).
bool IsChineseText(std::string_view s);
std::string Trim(std::string_view s);
std::string AsciiLower(std::string_view s);

// "13812341234" -> "138****1234" (4 hidden digits: 10,000 candidates).
std::string MaskPhone(std::string_view phone);
// 张三 → 张*, 张三丰 → 张*丰, 欧阳小明 → 欧**明: lists that others read (boarding manifests).
std::string MaskName(std::string_view name);
// "510104199001011234" -> "510**************4": region, birth date and sequence are hidden, so
// that with the birth year and gender beside it more than 10,000 numbers remain possible even
// for someone who knows the region (docs/security.md works the count).
std::string MaskIdNumber(std::string_view id);
// Masks every run of 7 or more digits (phone and ID numbers typed into a search) for the log.
std::string MaskNumbersIn(std::string_view text);

// Converts GB18030 bytes (what Excel writes for a Chinese-locale CSV) to UTF-8.
std::string Gb18030ToUtf8(std::string_view bytes);

}  // namespace tongxin::text
