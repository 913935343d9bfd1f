#pragma once
// Place scope as SQL. Every scoped table carries its ancestors (street_id, community_id,
// grid_id, and building_id / household_id where they apply), so a principal's scope is one
// comparison. The clauses are fixed strings chosen by scope kind, never built from input;
// repositories append them with the bound value they return.
#include <cstdint>
#include <string>

#include "core/auth/principal.hpp"
#include "core/db/sql_where.hpp"

namespace tongxin::auth {

struct ScopeFilter {
    std::string clause;  // e.g. "r.community_id = ?"
    int64_t value;
};

// A WHERE clause that starts with the scope: every list and lookup narrows from there.
inline db::SqlWhere WhereIn(const ScopeFilter& scope) {
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    return where;
}

// For residents (alias r): street/community/grid/building columns; self = own household.
ScopeFilter ResidentScope(const Principal& p);
// For households (alias h).
ScopeFilter HouseholdScope(const Principal& p);
// For places (alias p): a place is visible if it lies inside the principal's scope.
ScopeFilter PlaceScope(const Principal& p);

// For records tied to a household (alias v: pairings, visits...) that carry street_id,
// community_id, grid_id, building_id and household_id.
ScopeFilter HouseholdRecordScope(const Principal& p);

// For community-level records (alias o: organizations and the like, carrying street_id and
// community_id). Accounts scoped below a community see none of them.
ScopeFilter CommunityRecordScope(const Principal& p);

}  // namespace tongxin::auth
