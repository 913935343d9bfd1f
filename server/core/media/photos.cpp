#include "core/media/photos.hpp"

#include <boost/json.hpp>

#include "core/crypto/vault.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"

namespace tongxin::media {

namespace json = boost::json;

namespace {

constexpr const char* kColumns =
    "id, owner_kind, owner_id, caption, width, height, source_type, size_bytes, sha256, uploaded_by, created_at";

Photo PhotoOf(const db::Row& r) {
    return {.id = r.Int("id"),
            .owner_kind = r.Str("owner_kind"),
            .owner_id = r.Int("owner_id"),
            .caption = r.Str("caption"),
            .width = static_cast<int>(r.Int("width")),
            .height = static_cast<int>(r.Int("height")),
            .source_type = r.Str("source_type"),
            .size_bytes = r.Int("size_bytes"),
            .sha256 = r.Str("sha256"),
            .uploaded_by = r.OptInt("uploaded_by"),
            .created_at = r.Int("created_at")};
}

}  // namespace

std::optional<PhotoOwner> OwnerWhere(db::Connection& conn, const char* table, int64_t id, db::SqlWhere where) {
    where.Add("o.id = ?", id);
    auto rows = conn.Run(std::string("SELECT o.id, o.street_id, o.community_id FROM ") + table + " o" + where.Sql(),
                         where.values());
    if (rows.empty()) return std::nullopt;
    return PhotoOwner{rows.front().Int("id"), rows.front().Int("street_id"), rows.front().Int("community_id")};
}

std::vector<Photo> PhotosOf(db::Connection& conn, const std::string& kind, int64_t owner_id) {
    std::vector<Photo> out;
    for (const auto& r : conn.Query(
             std::string("SELECT ") + kColumns + " FROM photos WHERE owner_kind = ? AND owner_id = ? ORDER BY id", kind,
             owner_id))
        out.push_back(PhotoOf(r));
    return out;
}

int64_t StorePhoto(db::Connection& conn, const std::string& kind, const PhotoOwner& owner, const Picture& picture,
                   const std::string& caption, std::optional<int64_t> uploaded_by, int64_t at) {
    return conn.Insert(
        "INSERT INTO photos (owner_kind, owner_id, street_id, community_id, caption, width, height, source_type, "
        "size_bytes, sha256, image, thumb, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        kind, owner.id, owner.street_id, owner.community_id, caption, picture.width, picture.height,
        picture.source_type, static_cast<int64_t>(picture.jpeg.size()), picture.sha256, db::Blob{picture.jpeg},
        db::Blob{picture.thumb}, uploaded_by, at);
}

int64_t AddPhoto(db::Connection& conn, const std::string& kind, const PhotoOwner& owner, const Picture& picture,
                 const std::string& caption, const audit::Actor& actor) {
    if (conn.QueryInt("SELECT count(*) FROM photos WHERE owner_kind = ? AND owner_id = ?", kind, owner.id) >=
        kMaxPhotosPerRecord) {
        throw AppError(ErrorCode::kConflict, "too_many_photos", {{"max", kMaxPhotosPerRecord}});
    }
    const int64_t id = StorePhoto(conn, kind, owner, picture, caption, actor.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"media.photo.added",
                   "photo",
                   std::to_string(id),
                   true,
                   {{"owner", kind + ":" + std::to_string(owner.id)},
                    {"sha256", picture.sha256},
                    {"width", picture.width},
                    {"height", picture.height}}});
    return id;
}

std::optional<std::string> PhotoBytes(db::Connection& conn, const std::string& kind, int64_t owner_id, int64_t id,
                                      bool thumb) {
    auto rows = conn.Query(std::string("SELECT sha256, ") + (thumb ? "thumb" : "image") +
                               " AS bytes FROM photos WHERE id = ? AND owner_kind = ? AND owner_id = ?",
                           id, kind, owner_id);
    if (rows.empty()) return std::nullopt;
    std::string bytes = rows.front().Str("bytes");
    if (!thumb && crypto::Sha256Hex(bytes) != rows.front().Str("sha256"))
        throw AppError(ErrorCode::kInternal, "photo_damaged", {{"photo", id}});
    return bytes;
}

void RemovePhoto(db::Connection& conn, const std::string& kind, int64_t owner_id, int64_t id,
                 const audit::Actor& actor) {
    auto rows =
        conn.Query("SELECT sha256 FROM photos WHERE id = ? AND owner_kind = ? AND owner_id = ?", id, kind, owner_id);
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    conn.Exec("DELETE FROM photos WHERE id = ?", id);
    audit::Append(conn, actor,
                  {"media.photo.removed",
                   "photo",
                   std::to_string(id),
                   true,
                   {{"owner", kind + ":" + std::to_string(owner_id)}, {"sha256", rows.front().Str("sha256")}}});
}

std::map<int64_t, std::vector<Photo>> PhotosOfMany(db::Connection& conn, const std::string& kind,
                                                   const std::vector<int64_t>& owner_ids) {
    std::map<int64_t, std::vector<Photo>> out;
    if (owner_ids.empty()) return out;
    std::string in;
    std::vector<db::Value> params{kind};
    for (int64_t id : owner_ids) {
        in += in.empty() ? "?" : ", ?";
        params.emplace_back(id);
    }
    for (const auto& r :
         conn.Run(std::string("SELECT ") + kColumns + " FROM photos WHERE owner_kind = ? AND owner_id IN (" + in +
                      ") ORDER BY owner_id, id",
                  params))
        out[r.Int("owner_id")].push_back(PhotoOf(r));
    return out;
}

json::array ToJson(const std::vector<Photo>& photos) {
    json::array out;
    for (const Photo& p : photos) out.push_back(ToJson(p));
    return out;
}

json::object ToJson(const Photo& p) {
    return {{"id", p.id},
            {"caption", p.caption},
            {"width", p.width},
            {"height", p.height},
            {"source_type", p.source_type},
            {"size_bytes", p.size_bytes},
            {"sha256", p.sha256},
            {"uploaded_by", p.uploaded_by ? json::value(*p.uploaded_by) : json::value(nullptr)},
            {"created_at", time::ToRfc3339(p.created_at)}};
}

}  // namespace tongxin::media
