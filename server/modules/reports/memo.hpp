#pragma once
// Figures kept per community for indicators marked per_community (migration 0018).
//
// A street's value of such an indicator sums its communities' figures; each community's figure
// and records are computed from the records once and kept with the community's version. Every
// write to the records behind these indicators (residents, pairings, volunteer hours and rules)
// calls Touch() for the community in its own transaction, which bumps the version; a kept figure
// whose version is not the current one is computed again on the next read. The version is read
// before the records, so a kept figure is never older than its version says.
#include <cstdint>

#include "core/db/database.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::reports {

// Marks a community's records as changed (call inside the writing transaction).
void Touch(db::Connection& conn, int64_t community_id);
// Marks every community as changed (after bulk writes: demo, generator).
void TouchAll(db::Connection& conn);

// An indicator's value and a page of its records as the API answers them: kept figures for
// per_community indicators (a street's records listed community by community, each in the
// indicator's own order), the indicator's own queries for the others.
double ValueOf(db::Connection& conn, const Indicator& ind, const KpiScope& scope);
KpiRecords RecordsOf(db::Connection& conn, const Indicator& ind, const KpiScope& scope, int64_t limit, int64_t offset);

}  // namespace tongxin::reports
