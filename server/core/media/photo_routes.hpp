#pragma once
// The same four routes for every kind of record that has photos, under the module's own path:
// list, add, fetch (image or thumbnail), remove. A module describes the kind (PhotoKind: which
// permission reads and adds them, and how to find a record the caller may see). The upload is
// prepared (media::Prepare) before the write transaction starts, so a slow decode never holds
// the lock.
#include <functional>
#include <optional>
#include <string>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "core/http/router.hpp"
#include "core/media/photos.hpp"

namespace tongxin::media {

struct PhotoKind {
    std::string kind;    // "exhibit"; owner_kind in the table and the audit object's prefix
    std::string base;    // "/api/v1/exhibits": routes are base/{id}/photos…
    http::Access read;   // who may list and fetch
    http::Access write;  // who may add and remove
    // The record `id` if the caller may see it (write: may change it), else nullopt (404).
    std::function<std::optional<PhotoOwner>(db::Connection&, const auth::Principal&, int64_t id, bool write)> owner;
};

// The record `id` of `table` (aliased o, with street_id and community_id) that `where` — the
// caller's scope and the module's rule — lets through.
// The JPEG as an HTTP response a browser may keep (the bytes of a photo id never change).
http::Response PhotoResponse(std::string jpeg);

// GET base/{id}/photos, POST base/{id}/photos?caption= (the body is the image), GET
// base/{id}/photos/{photo}?size=thumb, DELETE base/{id}/photos/{photo}.
void RegisterPhotoRoutes(http::Router& router, db::Database& db, PhotoKind kind);

}  // namespace tongxin::media
