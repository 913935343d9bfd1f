#pragma once
// `tongxin demo` and `tongxin gen`: the demo street with its communities and accounts, and
// synthetic data at scale for benchmarks.
#include <string>

#include "core/auth/auth_service.hpp"
#include "core/db/database.hpp"
#include "modules/demo.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::app {

// Loads the demo: the street, its communities and residents, then every module's records
// (modules/demo.hpp); returns the accounts created (all with `password`).
std::vector<DemoAccount> LoadDemo(db::Database& db, residents::ResidentService& svc, auth::AuthService& auth,
                                  const std::string& password);

// Generates `residents` residents in `communities` communities under a new street.
void Generate(db::Database& db, residents::ResidentService& svc, int64_t residents, int communities, uint64_t seed);

// Volunteer activities and about `entries` hours entries over the communities with residents.
void GenerateVolunteerHours(db::Database& db, int64_t entries, uint64_t seed);

// `count` anonymous donations (ledger, receipts and totals) over the communities with residents.
void GenerateDonations(db::Database& db, int64_t count, uint64_t seed);
// Party-member liaisons for the minority residents of every community that has none yet.
void GeneratePairings(db::Database& db);

}  // namespace tongxin::app
