#include "modules/dictionaries/service.hpp"
#include "modules/services/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"
#include "modules/volunteer/service.hpp"

namespace tongxin::services {
namespace json = boost::json;

std::vector<std::string> PointKinds(db::Connection& conn) {
    return dictionaries::OfferedCodes(conn, "service_point_kinds");
}

const std::vector<std::string>& AgeGroups() {
    static const std::vector<std::string> kAll = {"elderly", "adult", "youth", "child"};
    return kAll;
}

double DistanceMetres(double lat1, double lng1, double lat2, double lng2) {
    constexpr double kEarthRadius = 6371008.8;
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * kRad, dlng = (lng2 - lng1) * kRad;
    double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
    return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

namespace {

auth::ScopeFilter Scope(db::Connection& conn, const auth::Principal& p) {
    if (p.Can("services.read")) return auth::CommunityRecordScope(p);
    return {"o.community_id = ?", residents::HomeCommunity(conn, p).value_or(-1)};
}

std::string JoinGroups(const std::vector<std::string>& groups) {
    std::string out;
    for (const auto& g : AgeGroups()) {
        if (std::find(groups.begin(), groups.end(), g) != groups.end()) out += (out.empty() ? "" : ",") + g;
    }
    return out;
}

std::vector<std::string> SplitGroups(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void Validate(db::Connection& conn, const PointInput& in) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!dictionaries::IsOffered(conn, "service_point_kinds", in.kind)) errors.Add("kind", "invalid_choice");
    if (!(in.lat >= -90 && in.lat <= 90)) errors.Add("lat", "out_of_range");
    if (!(in.lng >= -180 && in.lng <= 180)) errors.Add("lng", "out_of_range");
    for (const auto& g : in.age_groups)
        if (!util::IsOneOf(g, AgeGroups())) errors.Add("age_groups", "invalid_choice");
    errors.ThrowIfAny();
}

constexpr db::ListSql kAidList{
    .columns = R"sql(o.id, o.community_id, o.kind, o.resident_id, r.name, o.age_group, o.title, o.detail, o.status,
       o.helper_resident_id, hr.name AS helper, o.offer_id, o.minutes, o.hours_id, o.completed_on, o.created_at,
       h.address)sql",
    .from = R"sql(mutual_aid o JOIN residents r ON r.id = o.resident_id LEFT JOIN households h ON h.id = r.household_id
     LEFT JOIN residents hr ON hr.id = o.helper_resident_id)sql",
    .order_by = "CASE o.status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 ELSE 2 END, o.id DESC",
    .count_from = "mutual_aid o",
};

Aid AidFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .community_id = r.Int("community_id"),
            .kind = r.Str("kind"),
            .resident_id = r.Int("resident_id"),
            .name = r.Str("name"),
            .age_group = r.Str("age_group"),
            .title = r.Str("title"),
            .detail = r.Str("detail"),
            .status = r.Str("status"),
            .helper_resident_id = r.OptInt("helper_resident_id"),
            .helper = r.OptStr("helper"),
            .offer_id = r.OptInt("offer_id"),
            .minutes = r.OptInt("minutes"),
            .hours_id = r.OptInt("hours_id"),
            .completed_on = r.OptStr("completed_on"),
            .created_at = r.Int("created_at"),
            .address = r.OptStr("address").value_or("")};
}

constexpr std::string_view kPointSelect = R"sql(
SELECT o.id, o.community_id, o.name, o.kind, o.address, o.lat, o.lng, o.opening_hours, o.age_groups, o.services,
       o.active
FROM service_points o)sql";

Point PointFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .community_id = r.Int("community_id"),
            .name = r.Str("name"),
            .kind = r.Str("kind"),
            .address = r.Str("address"),
            .lat = r.Real("lat"),
            .lng = r.Real("lng"),
            .opening_hours = r.Str("opening_hours"),
            .age_groups = SplitGroups(r.Str("age_groups")),
            .services = r.Str("services"),
            .active = r.Bool("active")};
}

struct AidRow {
    int64_t id, street_id, community_id, resident_id;
    std::string kind, status;
    std::optional<int64_t> helper, offer;
};

std::optional<AidRow> LoadAid(db::Connection& conn, const auth::ScopeFilter& scope, int64_t id) {
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", id);
    auto rows = conn.Run(
        "SELECT o.id, o.street_id, o.community_id, o.resident_id, o.kind, o.status, o.helper_resident_id, o.offer_id "
        "FROM mutual_aid o" +
            where.Sql() + std::string(conn.ForUpdate()),
        where.values());
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    return AidRow{r.Int("id"),   r.Int("street_id"), r.Int("community_id"),          r.Int("resident_id"),
                  r.Str("kind"), r.Str("status"),    r.OptInt("helper_resident_id"), r.OptInt("offer_id")};
}

}  // namespace

std::vector<Point> ServiceLineService::Points(const auth::Principal& p, std::optional<int64_t> community,
                                              const std::optional<std::string>& kind, std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(Scope(conn, p));
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    if (kind) where.Add("o.kind = ?", *kind);
    if (!p.Can("services.read")) where.Add("o.active = 1");
    std::vector<Point> out;
    for (const auto& r :
         conn.Run(std::string(kPointSelect) + where.Sql() + " ORDER BY o.kind, o.name, o.id", where.values())) {
        out.push_back(PointFrom(r));
    }
    return out;
}

int64_t ServiceLineService::CreatePoint(const auth::Principal& p, const PointInput& in, const audit::Actor& actor) {
    Validate(db_.Local(), in);
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::CommunityField(conn, p, in.community_id);
    int64_t now = time::NowUnix();
    int64_t id = conn.Insert(
        "INSERT INTO service_points (street_id, community_id, name, kind, address, lat, lng, opening_hours, "
        "age_groups, services, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        place.street_id, in.community_id, in.name, in.kind, in.address, in.lat, in.lng, in.opening_hours,
        JoinGroups(in.age_groups), in.services, in.active ? 1 : 0, now, now);
    audit::Append(conn, actor,
                  {"services.point.created",
                   "service_point",
                   std::to_string(id),
                   true,
                   {{"name", in.name}, {"kind", in.kind}, {"lat", in.lat}, {"lng", in.lng}}});
    tx.Commit();
    return id;
}

void ServiceLineService::UpdatePoint(const auth::Principal& p, int64_t id, const PointInput& in,
                                     const audit::Actor& actor) {
    Validate(db_.Local(), in);
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto before =
        conn.Run("SELECT o.name, o.kind, o.lat, o.lng, o.active FROM service_points o" + where.Sql(), where.values());
    if (before.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    conn.Exec(
        "UPDATE service_points SET name = ?, kind = ?, address = ?, lat = ?, lng = ?, opening_hours = ?, age_groups = "
        "?, services = ?, active = ?, updated_at = ? WHERE id = ?",
        in.name, in.kind, in.address, in.lat, in.lng, in.opening_hours, JoinGroups(in.age_groups), in.services,
        in.active ? 1 : 0, time::NowUnix(), id);
    const auto& b = before.front();
    audit::Append(
        conn, actor,
        {"services.point.updated",
         "service_point",
         std::to_string(id),
         true,
         {{"before",
           {{"name", b.Str("name")},
            {"kind", b.Str("kind")},
            {"lat", b.Real("lat")},
            {"lng", b.Real("lng")},
            {"active", b.Bool("active")}}},
          {"after", {{"name", in.name}, {"kind", in.kind}, {"lat", in.lat}, {"lng", in.lng}, {"active", in.active}}}}});
    tx.Commit();
}

PointCoverage ServiceLineService::Coverage(const auth::Principal& p, int64_t community, double metres,
                                           const std::optional<std::string>& age_group) {
    if (age_group && !util::IsOneOf(*age_group, AgeGroups())) {
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "age_group"}});
    }
    db::Connection& conn = db_.Local();
    auto place = places::FindPlace(conn, p, community);
    if (!place || place->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
    PointCoverage out{.community_id = community, .metres = metres, .age_group = age_group};
    db::SqlWhere where;
    where.Add("o.community_id = ?", community).Add("o.active = 1");
    for (const auto& r : conn.Run(std::string(kPointSelect) + where.Sql() + " ORDER BY o.id", where.values())) {
        Point pt = PointFrom(r);
        if (age_group && std::find(pt.age_groups.begin(), pt.age_groups.end(), *age_group) == pt.age_groups.end())
            continue;
        out.points.push_back(std::move(pt));
    }
    std::map<std::string, KindCoverage> kinds;
    const std::vector<std::string> kinds_offered = PointKinds(conn);
    int64_t located = 0;
    for (const auto& b : conn.Query(
             "SELECT id, name, lat, lng FROM places WHERE kind = 'building' AND community_id = ? ORDER BY name, id",
             community)) {
        if (b.IsNull("lat") || b.IsNull("lng")) {
            ++out.buildings_without_coordinates;
            continue;
        }
        ++located;
        BuildingReach reach{b.Int("id"), b.Str("name"), b.Real("lat"), b.Real("lng"), {}};
        for (const auto& kind : kinds_offered) {
            double best = -1;
            std::string best_name;
            for (const Point& pt : out.points) {
                if (pt.kind != kind) continue;
                double d = DistanceMetres(reach.lat, reach.lng, pt.lat, pt.lng);
                if (best < 0 || d < best) best = d, best_name = pt.name;
            }
            KindCoverage& k = kinds[kind];
            if (best >= 0 && best <= metres) {
                ++k.covered;
                reach.covered[kind] = {std::round(best), best_name};
            } else {
                k.gaps.push_back({reach.id, reach.name, best < 0 ? std::nullopt : std::optional(std::round(best))});
            }
        }
        out.buildings.push_back(std::move(reach));
    }
    for (const auto& kind : kinds_offered) {
        KindCoverage k = std::move(kinds[kind]);
        k.kind = kind;
        k.points =
            std::count_if(out.points.begin(), out.points.end(), [&](const Point& pt) { return pt.kind == kind; });
        k.buildings = located;
        out.kinds.push_back(std::move(k));
    }
    return out;
}

db::Page<Aid> ServiceLineService::Aid(const auth::Principal& p, const AidFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(Scope(conn, p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.kind) where.Add("o.kind = ?", *f.kind);
    if (f.status) where.Add("o.status = ?", *f.status);
    bool staff = p.Can("services.read");
    if (f.mine || !staff) {
        int64_t me = p.resident_id.value_or(-1);
        if (f.mine) {
            where.Add("(o.resident_id = ? OR o.helper_resident_id = ?)", me, me);
        } else {
            // Neighbours see open requests and offers, and everything of their own.
            where.Add("(o.status = 'open' OR o.resident_id = ? OR o.helper_resident_id = ?)", me, me);
        }
    }
    auto page = db::ListPage<services::Aid>(conn, kAidList, where, f.page, AidFrom);
    // Addresses are for staff, who arrange the help.
    if (!staff) {
        for (auto& a : page.items) a.address.clear();
    }
    return page;
}

int64_t ServiceLineService::Post(const auth::Principal& p, const AidInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.kind != "request" && in.kind != "offer") errors.Add("kind", "invalid_choice");
    if (!util::IsOneOf(in.age_group, AgeGroups())) errors.Add("age_group", "invalid_choice");
    if (in.title.empty()) errors.Add("title", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    int64_t rid = residents::ResidentForAction(conn, p, in.resident_id, "services.write", residents::Acting::kProxy);
    auto r = conn.QueryOne("SELECT street_id, community_id FROM residents WHERE id = ?", rid);
    int64_t now = time::NowUnix();
    int64_t id = conn.Insert(
        "INSERT INTO mutual_aid (street_id, community_id, kind, resident_id, age_group, title, detail, created_by, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r->Int("street_id"), r->Int("community_id"), in.kind, rid, in.age_group, in.title, in.detail, p.user_id, now,
        now);
    audit::Append(conn, actor,
                  {"services.aid.posted",
                   "mutual_aid",
                   std::to_string(id),
                   true,
                   {{"kind", in.kind}, {"resident_id", rid}, {"title", in.title}}});
    tx.Commit();
    return id;
}

void ServiceLineService::Match(const auth::Principal& p, int64_t request_id, std::optional<int64_t> offer_id,
                               std::optional<int64_t> helper_resident_id, const audit::Actor& actor) {
    if (offer_id.has_value() == helper_resident_id.has_value()) {
        throw AppError::Field("offer_id", "required");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    bool staff = p.Can("services.write");
    auto scope = staff ? auth::CommunityRecordScope(p) : Scope(conn, p);
    auto req = LoadAid(conn, scope, request_id);
    if (!req || req->kind != "request") throw AppError(ErrorCode::kNotFound, "not_found");
    if (req->status != "open") throw AppError(ErrorCode::kConflict, "aid_not_open");
    int64_t helper;
    if (offer_id) {
        auto offer = LoadAid(conn, scope, *offer_id);
        if (!offer || offer->kind != "offer" || offer->community_id != req->community_id) {
            throw AppError::Field("offer_id", "not_found");
        }
        // A resident matches only their own request (with any offer) or their own offer.
        if (!staff) {
            int64_t me = residents::ActingFor(conn, p, std::nullopt, residents::Acting::kSelf);
            if (req->resident_id != me && offer->resident_id != me) {
                throw AppError::Field("offer_id", "not_your_aid");
            }
        }
        if (offer->status != "open") throw AppError(ErrorCode::kConflict, "aid_not_open");
        helper = offer->resident_id;
        conn.Exec("UPDATE mutual_aid SET status = 'matched', updated_at = ? WHERE id = ?", time::NowUnix(), *offer_id);
    } else if (staff) {
        if (!residents::LivesInCommunity(conn, *helper_resident_id, req->community_id)) {
            throw AppError::Field("helper_resident_id", "not_in_community");
        }
        helper = *helper_resident_id;
    } else {
        // A neighbour takes up a request themselves.
        helper = residents::ActingFor(conn, p, helper_resident_id, residents::Acting::kSelf);
    }
    if (helper == req->resident_id) {
        throw AppError::Field("helper_resident_id", "self_help");
    }
    conn.Exec(
        "UPDATE mutual_aid SET status = 'matched', helper_resident_id = ?, offer_id = ?, updated_at = ? WHERE id = ?",
        helper, offer_id, time::NowUnix(), request_id);
    audit::Append(
        conn, actor,
        {"services.aid.matched",
         "mutual_aid",
         std::to_string(request_id),
         true,
         {{"helper_resident_id", helper}, {"offer_id", offer_id ? json::value(*offer_id) : json::value(nullptr)}}});
    tx.Commit();
}

std::optional<int64_t> ServiceLineService::Complete(const auth::Principal& p, int64_t request_id, int64_t minutes,
                                                    const std::string& completed_on, bool as_volunteer_hours,
                                                    const audit::Actor& actor) {
    FieldErrors errors;
    if (minutes < 1 || minutes > 24 * 60) errors.Add("minutes", "out_of_range");
    if (!time::IsValidDate(completed_on))
        errors.Add("completed_on", "invalid_date");
    else if (completed_on > time::Today())
        errors.Add("completed_on", "in_future");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto req = LoadAid(conn, auth::CommunityRecordScope(p), request_id);
    if (!req || req->kind != "request") throw AppError(ErrorCode::kNotFound, "not_found");
    if (req->status != "matched") throw AppError(ErrorCode::kConflict, "aid_not_matched");
    std::optional<int64_t> hours_id;
    if (as_volunteer_hours) {
        auto title = conn.QueryOne("SELECT title FROM mutual_aid WHERE id = ?", request_id)->Str(0);
        volunteer::RecordInput in{*req->helper, std::nullopt, completed_on,
                                  minutes,      "mutual_aid", "邻里互助：" + title};
        hours_id = volunteer::HoursLedger::AppendRecord(conn, in, req->street_id, req->community_id, p.user_id);
    }
    conn.Exec(
        "UPDATE mutual_aid SET status = 'completed', minutes = ?, hours_id = ?, completed_on = ?, updated_at = ? WHERE "
        "id = ?",
        minutes, hours_id, completed_on, time::NowUnix(), request_id);
    audit::Append(conn, actor,
                  {"services.aid.completed",
                   "mutual_aid",
                   std::to_string(request_id),
                   true,
                   {{"minutes", minutes},
                    {"helper_resident_id", *req->helper},
                    {"hours_id", hours_id ? json::value(*hours_id) : json::value(nullptr)}}});
    tx.Commit();
    return hours_id;
}

void ServiceLineService::Cancel(const auth::Principal& p, int64_t id, const std::string& reason,
                                const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    bool staff = p.Can("services.write");
    auto row = LoadAid(conn, staff ? auth::CommunityRecordScope(p) : Scope(conn, p), id);
    if (!row || (!staff && row->resident_id != p.resident_id.value_or(-1))) {
        throw AppError(ErrorCode::kNotFound, "not_found");
    }
    if (row->status == "completed" || row->status == "cancelled") throw AppError(ErrorCode::kConflict, "aid_not_open");
    conn.Exec("UPDATE mutual_aid SET status = 'cancelled', updated_at = ? WHERE id = ?", time::NowUnix(), id);
    // A matched offer is free again.
    if (row->offer)
        conn.Exec("UPDATE mutual_aid SET status = 'open', updated_at = ? WHERE id = ?", time::NowUnix(), *row->offer);
    audit::Append(
        conn, actor,
        {"services.aid.cancelled", "mutual_aid", std::to_string(id), true, {{"reason", reason}, {"was", row->status}}});
    tx.Commit();
}

}  // namespace tongxin::services
