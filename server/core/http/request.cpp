#include "core/http/request.hpp"

#include <cctype>

#include "core/text/chinese.hpp"

namespace tongxin::http {

std::string Request::Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> Request::Query(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::string Request::Cookie(const std::string& name) const {
    std::string all = Header("cookie");
    size_t pos = 0;
    while (pos < all.size()) {
        size_t end = all.find(';', pos);
        if (end == std::string::npos) end = all.size();
        std::string part = all.substr(pos, end - pos);
        size_t start = part.find_first_not_of(' ');
        if (start != std::string::npos) part = part.substr(start);
        size_t eq = part.find('=');
        if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
        pos = end + 1;
    }
    return {};
}

bool IsSafePath(std::string_view encoded, std::string_view decoded) {
    if (encoded.empty() || encoded.front() != '/' || decoded.empty() || decoded.front() != '/') return false;
    for (size_t i = 0; i + 2 < encoded.size(); ++i) {
        if (encoded[i] != '%') continue;
        char a = encoded[i + 1];
        char b = static_cast<char>(std::toupper(static_cast<unsigned char>(encoded[i + 2])));
        if ((a == '2' && b == 'F') || (a == '5' && b == 'C') || (a == '0' && b == '0')) return false;
    }
    if (!text::IsValidUtf8(decoded)) return false;
    for (unsigned char c : decoded) {
        if (c < 0x20 || c == 0x7f || c == '\\') return false;
    }
    // Segments of the decoded path: none empty (except a trailing "/"), none "." or "..".
    size_t pos = 1;
    while (pos <= decoded.size()) {
        size_t end = decoded.find('/', pos);
        if (end == std::string_view::npos) end = decoded.size();
        std::string_view seg = decoded.substr(pos, end - pos);
        if (seg.empty() && end != decoded.size()) return false;
        if (seg == "." || seg == "..") return false;
        pos = end + 1;
    }
    return true;
}

Response Response::Json(const std::string& body, int status) {
    Response r;
    r.status = status;
    r.body = body;
    return r;
}

Response Response::File(std::string body, std::string content_type, const std::string& download_name) {
    Response r;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    // RFC 6266 / 5987: an ASCII fallback and the UTF-8 name.
    std::string encoded;
    static const char* kHex = "0123456789ABCDEF";
    for (unsigned char c : download_name) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 15];
        }
    }
    size_t dot = download_name.rfind('.');
    std::string fallback = "download" + (dot == std::string::npos ? std::string() : download_name.substr(dot));
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded);
    return r;
}

}  // namespace tongxin::http
