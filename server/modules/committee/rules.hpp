#pragma once
// What the committee's capabilities share: the household a record is about, seen through the
// caller's scope, and who counts as staff (street or community scope) rather than an officer or
// a resident acting for themselves.
#include <optional>
#include <string>

#include "core/auth/principal.hpp"
#include "core/auth/scope.hpp"
#include "core/db/database.hpp"
#include "core/db/sql_where.hpp"

namespace tongxin::committee {

struct HouseholdPlace {
    int64_t id = 0, street_id = 0, community_id = 0;
    std::optional<int64_t> grid_id, building_id;
};

// The household if the caller may see it; otherwise a 422 naming `field` (unknown_household).
HouseholdPlace VisibleHousehold(db::Connection& conn, const auth::Principal& p, int64_t id,
                                const std::string& field = "household_id");

// Committee staff: a street or community account that reads the committee's records. Officers
// (assigned scope) and residents act for themselves only.
inline bool IsStaff(const auth::Principal& p) {
    return (p.scope_kind == auth::ScopeKind::kStreet || p.scope_kind == auth::ScopeKind::kCommunity) &&
           p.Can("committee.read");
}

// Throws a 422 validation_failed for one field.
[[noreturn]] void Fail(const std::string& field, const std::string& reason);

// The self-organised activities (alias o) the caller sees: staff those in their scope, a
// resident those they organised or proposed.
inline db::SqlWhere VisibleActivities(const auth::Principal& p) {
    if (IsStaff(p)) return auth::WhereIn(auth::CommunityRecordScope(p));
    db::SqlWhere own;
    own.Add("(o.organiser_resident_id = ? OR o.proposed_by = ?)", p.resident_id.value_or(-1), p.user_id);
    return own;
}

}  // namespace tongxin::committee
