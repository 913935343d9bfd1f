#include "core/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error/app_error.hpp"

namespace tongxin::http {
namespace fs = std::filesystem;
namespace {

std::string MimeOf(const fs::path& p) {
    std::string ext = p.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".woff") return "font/woff";
    if (ext == ".ttf") return "font/ttf";
    if (ext == ".webmanifest") return "application/manifest+json";
    return "application/octet-stream";
}

}  // namespace

Response ServeStatic(const std::string& root, const Request& req) {
    if (root.empty() || req.path.find("..") != std::string::npos || req.path.find('\0') != std::string::npos) {
        throw AppError(ErrorCode::kNotFound, "not_found");
    }
    fs::path base(root);
    fs::path file = base / req.path.substr(1);
    std::error_code ec;
    if (req.path == "/" || !fs::is_regular_file(file, ec)) {
        // Paths with an extension are files that do not exist; other paths are app routes.
        if (req.path != "/" && fs::path(req.path).has_extension()) throw AppError(ErrorCode::kNotFound, "not_found");
        file = base / "index.html";
        if (!fs::is_regular_file(file, ec)) throw AppError(ErrorCode::kNotFound, "not_found");
    }
    auto size = fs::file_size(file, ec);
    auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
    std::ostringstream tag;
    tag << "\"" << std::hex << size << "-" << mtime << "\"";
    Response resp;
    resp.content_type = MimeOf(file);
    bool immutable = req.path.starts_with("/assets/");
    resp.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    resp.headers.emplace_back("ETag", tag.str());
    if (req.Header("if-none-match") == tag.str()) {
        resp.status = 304;
        return resp;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    resp.body = content.str();
    return resp;
}

}  // namespace tongxin::http
