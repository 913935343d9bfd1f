#pragma once
// What the platform's capabilities share: who sees which records, a seeker as the caller may see
// it, and the one way a step of a path is written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"

namespace tongxin::jobs {

// Records (alias o, with street_id, community_id and resident_id) the caller sees: staff their
// place's, anyone else their own.
db::SqlWhere Visible(const auth::Principal& p);

struct SeekerRow {
    int64_t id = 0, resident_id = 0, street_id = 0, community_id = 0;
    std::string registered_on, status;
};
// The seeker if the caller may see it, else 404.
SeekerRow VisibleSeeker(db::Connection& conn, const auth::Principal& p, int64_t id);
// A resident of the caller's place scope (staff), else a 422 naming `field`.
struct ResidentPlace {
    int64_t id = 0, street_id = 0, community_id = 0;
};
ResidentPlace ResidentInScope(db::Connection& conn, const auth::Principal& p, int64_t resident,
                              const std::string& field = "resident_id");

// A community in the caller's scope, else a 422 naming `field`.
ResidentPlace CommunityInScope(db::Connection& conn, const auth::Principal& p, int64_t community,
                               const std::string& field = "community_id");

// ?year= as a clause with two bounds (from, to) when given.
void InYear(db::SqlWhere& where, const char* clause, const std::string& year);
// A valid date not in the future.
void CheckDate(FieldErrors& errors, const char* field, const std::string& date);
// "a,b,c" as its non-empty items; and back.
std::vector<std::string> SplitList(const std::string& s);
std::string JoinList(const std::vector<std::string>& items);

int64_t InsertStep(db::Connection& conn, int64_t seeker, int64_t community, const std::string& step,
                   const std::string& on_date, const std::string& helper, const std::string& note,
                   std::optional<int64_t> created_by, std::optional<int64_t> placement = std::nullopt,
                   std::optional<int64_t> business = std::nullopt, std::optional<int64_t> training = std::nullopt);

}  // namespace tongxin::jobs
