// Whom a resident-facing account acts for, and which community it belongs to.
#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::residents {

std::optional<int64_t> HomeCommunity(db::Connection& conn, const auth::Principal& p) {
    if (p.resident_id) {
        auto r = conn.QueryOne("SELECT community_id FROM residents WHERE id = ?", *p.resident_id);
        if (r) return r->Int(0);
    }
    if (!p.scope_place_id) return std::nullopt;
    switch (p.scope_kind) {
        case auth::ScopeKind::kCommunity:
            return p.scope_place_id;
        case auth::ScopeKind::kGrid:
        case auth::ScopeKind::kBuilding: {
            auto r = conn.QueryOne("SELECT community_id FROM places WHERE id = ?", *p.scope_place_id);
            return r && !r->IsNull(0) ? std::optional<int64_t>(r->Int(0)) : std::nullopt;
        }
        case auth::ScopeKind::kSelf: {
            auto r = conn.QueryOne("SELECT community_id FROM households WHERE id = ?", *p.scope_place_id);
            return r ? std::optional<int64_t>(r->Int(0)) : std::nullopt;
        }
        default:
            return std::nullopt;
    }
}

namespace {

// Whether the resident lives inside the caller's place scope and has not moved out.
bool InPlaceScope(db::Connection& conn, const auth::Principal& p, int64_t resident_id) {
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.id = ?", resident_id).Add("r.moved_out IS NULL");
    return !conn.Run("SELECT r.id FROM residents r" + where.Sql(), where.values()).empty();
}

[[noreturn]] void RefuseResident() { throw AppError::Field("resident_id", "not_found"); }

}  // namespace

int64_t ActingFor(db::Connection& conn, const auth::Principal& p, std::optional<int64_t> resident_id, Acting how) {
    if (!resident_id || (p.resident_id && *resident_id == *p.resident_id)) {
        if (!p.resident_id) throw AppError(ErrorCode::kUnprocessable, "no_resident_record");
        return *p.resident_id;
    }
    if (how == Acting::kSelf) RefuseResident();
    bool allowed = false;
    // A member of the account's own household.
    if (p.resident_id) {
        allowed = conn.QueryInt(
                      "SELECT count(*) FROM residents r JOIN residents me ON me.household_id = r.household_id "
                      "WHERE me.id = ? AND r.id = ? AND r.moved_out IS NULL",
                      *p.resident_id, *resident_id) > 0;
    }
    // A group leader for the residents of the group (grid or building) they lead.
    bool leads_group = p.role == "group_leader" &&
                       (p.scope_kind == auth::ScopeKind::kGrid || p.scope_kind == auth::ScopeKind::kBuilding);
    if (!allowed && leads_group) allowed = InPlaceScope(conn, p, *resident_id);
    if (!allowed) RefuseResident();
    return *resident_id;
}

int64_t ResidentForAction(db::Connection& conn, const auth::Principal& p, std::optional<int64_t> resident_id,
                          const std::string& desk_permission, Acting how) {
    if (!resident_id || !p.Can(desk_permission)) return ActingFor(conn, p, resident_id, how);
    if (!InPlaceScope(conn, p, *resident_id)) RefuseResident();
    return *resident_id;
}

}  // namespace tongxin::residents
