#pragma once
// Photos of a module's records, kept in the database beside them (table `photos`): the image
// re-encoded without metadata (media::Prepare), its thumbnail and its checksum. The routes that
// list, add, fetch and remove them are in photo_routes.hpp.
#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/db/database.hpp"
#include "core/db/sql_where.hpp"
#include "core/media/image.hpp"

namespace tongxin::media {

inline constexpr size_t kMaxUploadBytes = 10u << 20;  // one photo as sent by a phone
inline constexpr int kMaxPhotosPerRecord = 20;

struct Photo {
    int64_t id = 0;
    std::string owner_kind;
    int64_t owner_id = 0;
    std::string caption;
    int width = 0, height = 0;
    std::string source_type;
    int64_t size_bytes = 0;
    std::string sha256;
    std::optional<int64_t> uploaded_by;
    int64_t created_at = 0;
};

// The record a photo belongs to, as its module found it for the caller.
struct PhotoOwner {
    int64_t id = 0;
    int64_t street_id = 0;
    int64_t community_id = 0;
};

std::optional<PhotoOwner> OwnerWhere(db::Connection& conn, const char* table, int64_t id, db::SqlWhere where);

std::vector<Photo> PhotosOf(db::Connection& conn, const std::string& kind, int64_t owner_id);
// Stores a prepared picture, unaudited (the demo's records); AddPhoto is what users do.
int64_t StorePhoto(db::Connection& conn, const std::string& kind, const PhotoOwner& owner, const Picture& picture,
                   const std::string& caption, std::optional<int64_t> uploaded_by, int64_t at);
// Stores a prepared picture with its audit entry; 409 too_many_photos past kMaxPhotosPerRecord.
int64_t AddPhoto(db::Connection& conn, const std::string& kind, const PhotoOwner& owner, const Picture& picture,
                 const std::string& caption, const audit::Actor& actor);
// The JPEG of photo `id` of the record (thumb: its thumbnail); nullopt when it is not the
// record's. A stored image whose checksum no longer matches is a 500, never served.
std::optional<std::string> PhotoBytes(db::Connection& conn, const std::string& kind, int64_t owner_id, int64_t id,
                                      bool thumb);
void RemovePhoto(db::Connection& conn, const std::string& kind, int64_t owner_id, int64_t id,
                 const audit::Actor& actor);
// The photos of many records of `kind` at once (a page of a list), by record id.
std::map<int64_t, std::vector<Photo>> PhotosOfMany(db::Connection& conn, const std::string& kind,
                                                   const std::vector<int64_t>& owner_ids);
// Sets `photos` on each item of a page of records of `kind` (one query for the page).
template <typename Item>
void AttachPhotos(db::Connection& conn, const std::string& kind, std::vector<Item>& items) {
    std::vector<int64_t> ids;
    ids.reserve(items.size());
    for (const Item& i : items) ids.push_back(i.id);
    auto found = PhotosOfMany(conn, kind, ids);
    for (Item& i : items)
        if (auto it = found.find(i.id); it != found.end()) i.photos = std::move(it->second);
}
boost::json::object ToJson(const Photo& p);
boost::json::array ToJson(const std::vector<Photo>& photos);
}  // namespace tongxin::media
