#include "core/text/chinese.hpp"

#include <cctype>

#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace tongxin::text {
namespace {

std::unique_ptr<icu::Transliterator> MakeTransliterator(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU transliterator unavailable: ") + id);
    return made;
}

std::string Transliterate(icu::Transliterator& t, std::string_view text) {
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    t.transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

// Transliteration is the costly part of importing a resident (~100 µs a name), so readings are
// cached per thread: the surname (one character, or a compound surname) through ICU's
// Han-Latin/Names, which knows surname readings (曾 zeng, 单 shan), and every other character
// through Han-Latin on its own.
class PinyinCache {
  public:
    const std::string& Surname(const std::string& s) { return Lookup(surnames_, *names_, s); }
    const std::string& Plain(const std::string& s) { return Lookup(plain_, *plain_translit_, s); }

  private:
    static const std::string& Lookup(std::unordered_map<std::string, std::string>& cache, icu::Transliterator& t,
                                     const std::string& s) {
        auto it = cache.find(s);
        if (it != cache.end()) return it->second;
        if (cache.size() > 200000) cache.clear();
        return cache.emplace(s, Transliterate(t, s)).first->second;
    }
    std::unique_ptr<icu::Transliterator> names_ = MakeTransliterator("Han-Latin/Names; Latin-ASCII; Lower");
    std::unique_ptr<icu::Transliterator> plain_translit_ = MakeTransliterator("Han-Latin; Latin-ASCII; Lower");
    std::unordered_map<std::string, std::string> surnames_, plain_;
};

const std::set<std::string>& CompoundSurnames() {
    static const std::set<std::string> kAll = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
                                               "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "申屠",
                                               "独孤", "南宫", "西门", "闻人", "呼延", "澹台", "公冶", "万俟"};
    return kAll;
}

}  // namespace

NamePinyin PinyinOfName(std::string_view name) {
    thread_local PinyinCache cache;
    std::vector<std::string> chars = Utf8Chars(name);
    size_t surname_len = chars.size() >= 3 && CompoundSurnames().count(chars[0] + chars[1]) ? 2 : 1;
    std::string latin;
    for (size_t i = 0; i < chars.size(); ++i) {
        if (i == 0) {
            std::string surname = surname_len == 2 ? chars[0] + chars[1] : chars[0];
            latin += cache.Surname(surname);
            i += surname_len - 1;
        } else {
            latin += ' ';
            latin += cache.Plain(chars[i]);
        }
        latin += ' ';
    }
    NamePinyin out;
    bool word_start = true;
    for (char ch : latin) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        if (ch >= 'a' && ch <= 'z') {
            out.full += ch;
            if (word_start) out.initials += ch;
            word_start = false;
        } else {
            word_start = true;
        }
    }
    return out;
}

bool NaturalLess(std::string_view a, std::string_view b) {
    thread_local std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("zh"), status));
        if (U_FAILURE(status) || !c) throw std::runtime_error("ICU: no zh collator");
        c->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
        return c;
    }();
    UErrorCode status = U_ZERO_ERROR;
    const auto order = collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                             icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_FAILURE(status)) return a < b;
    return order == UCOL_LESS;
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

std::string MaskName(std::string_view name) {
    auto chars = Utf8Chars(name);
    if (chars.size() <= 1) return std::string(name);
    if (chars.size() == 2) return chars[0] + "*";
    std::string out = chars.front();
    for (size_t i = 1; i + 1 < chars.size(); ++i) out += "*";
    return out + chars.back();
}

std::string MaskIdNumber(std::string_view id) {
    if (id.size() < 10) return std::string(id.size(), '*');
    return std::string(id.substr(0, 3)) + std::string(id.size() - 4, '*') + std::string(id.substr(id.size() - 1));
}

std::string MaskNumbersIn(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = i;
        while (j < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == 'X' || text[j] == 'x'))
            ++j;
        if (j - i >= 7) {
            std::string_view run = text.substr(i, j - i);
            out += run.size() == 11   ? MaskPhone(run)
                   : run.size() >= 15 ? MaskIdNumber(run)
                                      : std::string(run.size(), '*');
            i = j;
        } else if (j > i) {
            out += text.substr(i, j - i);
            i = j;
        } else {
            out += text[i++];
        }
    }
    return out;
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
