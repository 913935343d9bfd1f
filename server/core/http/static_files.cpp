#include "core/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
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

StaticSite::StaticSite(const std::string& root) {
    std::error_code ec;
    fs::path canonical = fs::canonical(root, ec);
    if (ec || !fs::is_directory(canonical)) throw std::runtime_error("web directory " + root + " does not exist");
    root_ = canonical.string();
}

bool StaticSite::Contains(const std::string& path) const {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) return false;
    std::string s = p.string();
    return s == root_ || s.starts_with(root_ + "/");
}

Response StaticSite::Serve(const Request& req) const {
    if (!IsSafePath(req.path, req.path)) throw AppError(ErrorCode::kNotFound, "not_found");
    auto inside = [this](const fs::path& candidate) -> std::optional<fs::path> {
        std::error_code ec;
        fs::path real = fs::canonical(candidate, ec);
        if (ec || !real.string().starts_with(root_ + "/") || !fs::is_regular_file(real, ec)) return std::nullopt;
        return real;
    };
    fs::path base(root_);
    std::optional<fs::path> found;
    if (req.path != "/") found = inside(base / fs::path(req.path).relative_path());
    if (!found) {
        // Paths with an extension are files that do not exist; other paths are app routes.
        if (req.path != "/" && fs::path(req.path).has_extension()) throw AppError(ErrorCode::kNotFound, "not_found");
        found = inside(base / "index.html");
        if (!found) throw AppError(ErrorCode::kNotFound, "not_found");
    }
    const fs::path& file = *found;
    std::error_code ec;
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
