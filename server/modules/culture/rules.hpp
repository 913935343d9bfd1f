#pragma once
// What the culture platform's capabilities share: where the caller may look (staff: their place;
// anyone else linked to a resident: that resident's community) and the community a new record
// goes to.
#include <string>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "core/db/sql_where.hpp"

namespace tongxin::culture {

// Rows aliased `o` (with community_id and street_id) the caller may see.
db::SqlWhere Visible(db::Connection& conn, const auth::Principal& p);
// The street of a community in the caller's scope, or a 422 naming `field`.
int64_t StreetOfCommunity(db::Connection& conn, const auth::Principal& p, int64_t community,
                          const std::string& field = "community_id");
// Culture staff: a street or community account that reads the platform's records. Anyone else
// (a resident, or staff acting as the resident they are) books for themselves.
inline bool IsStaff(const auth::Principal& p) {
    return (p.scope_kind == auth::ScopeKind::kStreet || p.scope_kind == auth::ScopeKind::kCommunity) &&
           p.Can("culture.read");
}

}  // namespace tongxin::culture
