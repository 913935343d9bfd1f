#pragma once
// What the fund's services share (internal.cpp); not for other modules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/charity/model.hpp"

namespace tongxin::charity::detail {

// The account of `kind` (and project) of a community's fund, created on first use.
int64_t AccountOf(db::Connection& conn, int64_t street, int64_t community, const std::string& kind,
                  std::optional<int64_t> project, const std::string& name);
// Posts a balanced transaction: the entries (account, fen) and the accounts' cached balances
// together. A balance its CHECK refuses (an overdrawn project, negative cash) is 409
// insufficient_funds.
int64_t Post(db::Connection& conn, int64_t street, int64_t community, const std::string& kind,
             const std::string& occurred_on, const std::string& memo,
             const std::vector<std::pair<int64_t, int64_t>>& entries, std::optional<int64_t> reverses,
             const std::string& reason, std::optional<int64_t> by);
// Moves the yearly totals and the project's income with a donation (sign +1) or its reversal (-1).
void MoveTotals(db::Connection& conn, int64_t donation_id, int sign);

struct ProjectRow {
    int64_t id, street_id, community_id;
    std::string name;
};
// A project in the principal's scope.
std::optional<ProjectRow> LoadProject(db::Connection& conn, const auth::Principal& p, int64_t id);
// A donation counts while its transaction stands (has not been reversed); `alias` names the
// donations table in the query.
std::string Standing(const char* alias);
// The name shown in public: the donor's only when they agreed to it.
std::string DonorShown(const db::Row& r);

// Projects with their balance and last disclosure, mapped by ProjectFrom.
inline constexpr std::string_view kProjectSelect = R"sql(
SELECT o.id, o.community_id, o.name, o.goal_fen, o.starts_on, o.ends_on, o.description, o.beneficiaries,
       a.balance_fen, o.income_fen,
       (SELECT max(published_on) FROM charity_disclosures s WHERE s.project_id = o.id) AS last_disclosure
FROM charity_projects o JOIN charity_accounts a ON a.project_id = o.id AND a.kind = 'project')sql";
Project ProjectFrom(const db::Row& r);

}  // namespace tongxin::charity::detail
