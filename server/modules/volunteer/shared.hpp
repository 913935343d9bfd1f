#pragma once
// Helpers shared by the volunteer module's files (not part of its interface).
#include <optional>
#include <string>

#include "core/auth/principal.hpp"
#include "core/auth/scope.hpp"
#include "core/db/database.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::volunteer::detail {

// The community a resident-facing account belongs to (its resident record, else its place).
std::optional<int64_t> HomeCommunity(db::Connection& conn, const auth::Principal& p);
// Scope over records carrying street_id and community_id (alias o): staff by their place scope,
// residents and group leaders their own community.
auth::ScopeFilter RecordScope(db::Connection& conn, const auth::Principal& p);
// The resident an action is for: the caller's own record, or one inside the caller's place scope
// (a group leader acting for a neighbour). 422 otherwise.
int64_t ResidentFor(db::Connection& conn, const auth::Principal& p, std::optional<int64_t> resident_id,
                    residents::Acting how = residents::Acting::kSelf);
std::string DateOf(int64_t unix_seconds);  // YYYY-MM-DD in +08:00
int64_t PointsPerHour(db::Connection& conn, int64_t community, const std::string& kind);
// Appends a points entry and moves the cached balance with it; a debit the balance cannot
// cover throws 409 (insufficient_points for redemptions, points_already_spent otherwise).
void MovePoints(db::Connection& conn, int64_t resident_id, int64_t community_id, int64_t delta,
                const std::string& source, std::optional<int64_t> hours_id, std::optional<int64_t> redemption_id,
                const std::string& note, std::optional<int64_t> by);

}  // namespace tongxin::volunteer::detail
