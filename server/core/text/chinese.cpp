#include "core/text/chinese.hpp"

#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace tongxin::text {
namespace {

icu::Transliterator& NameTransliterator() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(
            icu::Transliterator::createInstance("Han-Latin/Names; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) throw std::runtime_error("ICU Han-Latin/Names transliterator unavailable");
        return made;
    }();
    return *t;
}

}  // namespace

NamePinyin PinyinOfName(std::string_view name) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    NameTransliterator().transliterate(u);
    std::string latin;
    u.toUTF8String(latin);
    NamePinyin out;
    bool word_start = true;
    for (char ch : latin) {
        if (ch >= 'a' && ch <= 'z') {
            out.full += ch;
            if (word_start) out.initials += ch;
            word_start = false;
        } else if (ch >= 'A' && ch <= 'Z') {
            char lower = static_cast<char>(ch - 'A' + 'a');
            out.full += lower;
            if (word_start) out.initials += lower;
            word_start = false;
        } else {
            word_start = true;
        }
    }
    return out;
}

std::vector<std::string> Utf8Chars(std::string_view s) {
    std::vector<std::string> out;
    int32_t i = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t n = static_cast<int32_t>(s.size());
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) continue;
        out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

bool IsValidUtf8(std::string_view s) {
    int32_t i = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

bool IsChineseText(std::string_view s) {
    if (s.empty()) return false;
    int32_t i = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        bool han = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x2FA1F) || c == 0x00B7 || c == 0x30FB;
        if (!han) return false;
    }
    return true;
}

std::string Trim(std::string_view s) {
    auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    // Full-width spaces (U+3000) that come from pasted Chinese text.
    while (s.starts_with("\u3000")) s.remove_prefix(3);
    while (s.ends_with("\u3000")) s.remove_suffix(3);
    return std::string(s);
}

std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string MaskPhone(std::string_view phone) {
    if (phone.size() < 7) return std::string(phone.size(), '*');
    return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') +
           std::string(phone.substr(phone.size() - 4));
}

std::string MaskIdNumber(std::string_view id) {
    if (id.size() < 10) return std::string(id.size(), '*');
    return std::string(id.substr(0, 6)) + std::string(id.size() - 10, '*') + std::string(id.substr(id.size() - 4));
}

std::string Gb18030ToUtf8(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(bytes.size() * 2 + 16, '\0');
    int32_t len = ucnv_convert("UTF-8", "GB18030", out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                               static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) return {};
    out.resize(len);
    return out;
}

}  // namespace tongxin::text
