// Volunteer-line records at scale for benchmarks: activities and hours entries spread over the
// communities that have residents, 2019–2021, written in large batches. Sign-ups and points are
// not generated (no indicator reads them).
#include <cstdio>

#include "app/demo.hpp"
#include "app/generator.hpp"
#include "core/db/multi_insert.hpp"
#include "core/time/clock.hpp"
#include "modules/charity/service.hpp"

namespace tongxin::app {

void GenerateVolunteerHours(db::Database& db, int64_t entries, uint64_t seed) {
    Rng rng(seed);
    db::Connection& conn = db.Local();
    auto communities = conn.Query(
        "SELECT c.id, c.street_id FROM places c WHERE c.kind = 'community' AND EXISTS (SELECT 1 FROM residents r WHERE "
        "r.community_id = c.id) ORDER BY c.id");
    if (communities.empty()) throw std::runtime_error("gen: no residents to generate volunteer hours for");
    const int64_t per_community = entries / static_cast<int64_t>(communities.size());
    const int64_t per_activity = 30;
    const char* kKinds[] = {"ethnic_unity", "policy_promotion", "civility_persuasion", "social_service", "mutual_aid"};
    int64_t now = time::NowUnix();
    int64_t written = 0;
    for (const auto& c : communities) {
        int64_t community = c.Int("id"), street = c.Int("street_id");
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        // A team, and a pool of volunteers: about one resident in twenty of the community.
        int64_t team = conn.Insert(
            "INSERT INTO organizations (kind, name, street_id, community_id, ethnic_work, founded_on, description, "
            "created_at, updated_at) VALUES ('volunteer_team', ?, ?, ?, 0, '2019-01-01', '', ?, ?)",
            "志愿服务队" + std::to_string(community), street, community, now, now);
        std::vector<int64_t> pool;
        for (const auto& r : conn.Query("SELECT id FROM residents WHERE community_id = ? AND id % 20 = ? ORDER BY id",
                                        community, static_cast<int64_t>(community % 20))) {
            pool.push_back(r.Int(0));
        }
        if (pool.empty()) continue;
        int64_t activities = std::max<int64_t>(1, per_community / per_activity);
        size_t next = 0;
        for (int64_t a = 0; a < activities; ++a) {
            int year = 2019 + static_cast<int>(a * 3 / activities);
            int month = 1 + static_cast<int>((a * 36 / activities) % 12);
            int day = 1 + static_cast<int>(a % 28);
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
            int64_t starts = time::DayStartUnix(date) + 9 * 3600;
            int minutes = 60 * rng.Uniform(2, 4);
            const char* kind = kKinds[a % 5];
            int64_t activity = conn.Insert(
                "INSERT INTO volunteer_activities (organization_id, street_id, community_id, title, kind, place, "
                "starts_at, ends_at, capacity, confirmed_count, checkin_code, created_at) VALUES (?, ?, ?, ?, ?, '', "
                "?, "
                "?, ?, ?, ?, ?)",
                team, street, community, std::string("志愿服务活动"), std::string(kind), starts, starts + minutes * 60,
                per_activity, per_activity, std::to_string(rng.Next()), now);
            for (int64_t i = 0; i < per_activity; ++i) {
                int64_t resident = pool[next++ % pool.size()];
                conn.Exec(
                    "INSERT INTO volunteer_hours (resident_id, activity_id, street_id, community_id, served_on, "
                    "minutes, "
                    "kind, content, entry, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '志愿服务活动', 'record', ?)",
                    resident, activity, street, community, std::string(date), int64_t{minutes}, std::string(kind), now);
                ++written;
            }
        }
        tx.Commit();
    }
    // The monthly figures the indicators read, rebuilt from the entries.
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    conn.Exec("DELETE FROM volunteer_monthly");
    conn.Exec(
        "INSERT INTO volunteer_monthly (community_id, month, resident_id, street_id, minutes, activities) SELECT "
        "community_id, substr(served_on, 1, 7), resident_id, min(street_id), sum(minutes), sum(CASE WHEN activity_id "
        "IS NULL THEN 0 WHEN entry = 'record' THEN 1 ELSE -1 END) FROM volunteer_hours GROUP BY community_id, "
        "substr(served_on, 1, 7), resident_id");
    tx.Commit();
    std::fprintf(stderr, "generated %lld volunteer hours entries in %zu communities\n", static_cast<long long>(written),
                 communities.size());
}

void GenerateDonations(db::Database& db, int64_t count, uint64_t seed) {
    Rng rng(seed);
    db::Connection& conn = db.Local();
    auto communities = conn.Query(
        "SELECT c.id, c.street_id FROM places c WHERE c.kind = 'community' AND EXISTS (SELECT 1 FROM residents r WHERE "
        "r.community_id = c.id) ORDER BY c.id");
    if (communities.empty()) throw std::runtime_error("gen: no communities to generate donations for");
    std::vector<int64_t> projects;
    {
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        for (const auto& c : communities) {
            charity::ProjectInput in{c.Int("id"), "民族关爱帮扶项目", 100000000, "2019-01-01", std::nullopt, "", ""};
            projects.push_back(charity::ProjectService::InsertProject(conn, c.Int("street_id"), in, std::nullopt));
        }
        tx.Commit();
    }
    const char* kChannels[] = {"crowdfunding_online", "crowdfunding_offline", "public_collection",
                               "corporate",           "charity_sale",         "gala"};
    int64_t done = 0;
    while (done < count) {
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        for (int i = 0; i < 20000 && done < count; ++i, ++done) {
            size_t k = static_cast<size_t>(done) % communities.size();
            charity::DonationInput in;
            in.community_id = communities[k].Int("id");
            in.project_id = done % 3 == 0 ? std::nullopt : std::optional<int64_t>(projects[k]);
            in.channel = kChannels[done % 6];
            in.form = done % 10 == 0 ? "in_kind" : "cash";
            in.amount_fen = 100 * rng.Uniform(10, 5000);
            in.donor_kind = "anonymous";
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + static_cast<int>(done % 3),
                          1 + static_cast<int>(done / 3 % 12), 1 + static_cast<int>(done / 36 % 28));
            in.donated_on = date;
            charity::DonationService::InsertDonation(conn, communities[k].Int("street_id"), in, std::nullopt);
        }
        tx.Commit();
    }
    std::fprintf(stderr, "generated %lld donations in %zu communities\n", static_cast<long long>(done),
                 communities.size());
}

// Pairings at scale: in each community nine minority residents in ten get a party-member
// liaison (round robin over the community's party members); one in seven of those was paired
// with another liaison from 2019 to mid-2020 first (history).
void GeneratePairings(db::Database& db) {
    db::Connection& conn = db.Local();
    auto communities = conn.Query("SELECT id FROM places WHERE kind = 'community' ORDER BY id");
    int64_t now = time::NowUnix(), written = 0;
    for (const auto& c : communities) {
        int64_t community = c.Int("id");
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        if (conn.QueryInt("SELECT count(*) FROM pairings WHERE community_id = ?", community) > 0) continue;
        std::vector<int64_t> party;
        for (const auto& r : conn.Query("SELECT id FROM residents WHERE community_id = ? AND political_status IN "
                                        "('01', '02') AND moved_out IS NULL ORDER BY id",
                                        community)) {
            party.push_back(r.Int(0));
        }
        if (party.size() < 2) continue;
        db::MultiInsert rows(conn,
                             "INSERT INTO pairings (resident_id, liaison_resident_id, household_id, street_id, "
                             "community_id, grid_id, building_id, from_date, to_date, end_reason, created_at)",
                             11, 100);
        int64_t i = 0;
        for (const auto& r : conn.Query("SELECT id, household_id, street_id, grid_id, building_id FROM residents WHERE "
                                        "community_id = ? AND ethnicity >= '02' AND ethnicity <= '56' AND moved_out "
                                        "IS NULL ORDER BY id",
                                        community)) {
            if (++i % 10 == 0) continue;
            int64_t liaison = party[static_cast<size_t>(i) % party.size()];
            if (liaison == r.Int("id")) liaison = party[static_cast<size_t>(i + 1) % party.size()];
            std::string from = "2019-03-01";
            if (i % 7 == 0) {
                int64_t earlier = party[static_cast<size_t>(i + 1) % party.size()];
                if (earlier == r.Int("id") || earlier == liaison)
                    earlier = party[static_cast<size_t>(i + 2) % party.size()];
                rows.Add(r.Int("id"), earlier, r.OptInt("household_id"), r.Int("street_id"), community,
                         r.OptInt("grid_id"), r.OptInt("building_id"), from, std::string("2020-06-30"),
                         std::string("联络人工作调整"), now);
                from = "2020-06-30";
                ++written;
            }
            rows.Add(r.Int("id"), liaison, r.OptInt("household_id"), r.Int("street_id"), community, r.OptInt("grid_id"),
                     r.OptInt("building_id"), from, nullptr, std::string(), now);
            ++written;
        }
        rows.Flush();
        tx.Commit();
    }
    std::fprintf(stderr, "generated %lld pairings\n", static_cast<long long>(written));
}

}  // namespace tongxin::app
