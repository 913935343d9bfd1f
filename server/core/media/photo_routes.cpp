#include "core/media/photo_routes.hpp"

#include <boost/json.hpp>

#include "core/context.hpp"
#include "core/error/app_error.hpp"
#include "core/http/json_body.hpp"
#include "core/http/paging.hpp"

namespace tongxin::media {

namespace json = boost::json;

http::Response PhotoResponse(std::string jpeg) {
    http::Response r;
    r.content_type = "image/jpeg";
    r.body = std::move(jpeg);
    r.headers.emplace_back("Cache-Control", "private, max-age=86400");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
}

void RegisterPhotoRoutes(http::Router& router, db::Database& db, PhotoKind kind) {
    auto k = std::make_shared<const PhotoKind>(std::move(kind));
    auto find = [k](db::Connection& conn, http::Request& req, bool write) {
        auto owner = k->owner(conn, req.User(), http::PathId(req), write);
        if (!owner) throw AppError(ErrorCode::kNotFound, "not_found");
        return *owner;
    };
    router.Add("GET", k->base + "/{id}/photos", k->read, "Photos of the " + k->kind,
               [&db, k, find](http::Request& req) {
                   db::Connection& conn = db.Local();
                   const PhotoOwner owner = find(conn, req, false);
                   json::array items;
                   for (const Photo& p : PhotosOf(conn, k->kind, owner.id)) items.push_back(ToJson(p));
                   return http::JsonResponse(json::object{{"items", std::move(items)}});
               });
    router
        .Add("POST", k->base + "/{id}/photos", k->write,
             "Add a photo to the " + k->kind +
                 " (the body is the image: JPEG, PNG or WebP; ?caption=). Kept re-encoded, without metadata",
             [&db, k, find](http::Request& req) {
                 const std::string caption = http::QueryOptStr(req, "caption").value_or("");
                 if (caption.size() > 200) throw AppError::Field("caption", "too_long");
                 // Prepared before the transaction: decoding a photo never holds the write lock.
                 const Picture picture = Prepare(req.body);
                 db::Connection& conn = db.Local();
                 db::Transaction tx(conn, db::Transaction::Mode::kWrite);
                 const PhotoOwner owner = find(conn, req, true);
                 const int64_t id = AddPhoto(conn, k->kind, owner, picture, caption, ActorOf(req));
                 tx.Commit();
                 return http::Created(id);
             })
        .body_limit = kMaxUploadBytes;
    router.Add("GET", k->base + "/{id}/photos/{photo}", k->read,
               "One photo of the " + k->kind + " as JPEG (?size=thumb: its thumbnail)",
               [&db, k, find](http::Request& req) {
                   const bool thumb = http::QueryOptChoice(req, "size", {"thumb", "full"}).value_or("full") == "thumb";
                   db::Connection& conn = db.Local();
                   const PhotoOwner owner = find(conn, req, false);
                   auto bytes = PhotoBytes(conn, k->kind, owner.id, http::PathId(req, "photo"), thumb);
                   if (!bytes) throw AppError(ErrorCode::kNotFound, "not_found");
                   return PhotoResponse(std::move(*bytes));
               });
    router.Add("DELETE", k->base + "/{id}/photos/{photo}", k->write, "Remove a photo of the " + k->kind,
               [&db, k, find](http::Request& req) {
                   db::Connection& conn = db.Local();
                   db::Transaction tx(conn, db::Transaction::Mode::kWrite);
                   const PhotoOwner owner = find(conn, req, true);
                   RemovePhoto(conn, k->kind, owner.id, http::PathId(req, "photo"), ActorOf(req));
                   tx.Commit();
                   return http::Ok();
               });
}

}  // namespace tongxin::media
