// The vaccination shuttle of 南山社区 on 17 February 2021: three trips with 天府公交 702 车队 to
// the 南湖公园 vaccination site, stops at compound gates, reservations made by the residents'
// group leaders (the demo `leader` among them) for residents aged 18–59, boarding with a few
// no-shows, and the volunteers on board (their hours in the volunteer ledger).
#include "core/time/clock.hpp"
#include "core/util/rng.hpp"
#include "modules/shuttle/module.hpp"
#include "modules/volunteer/service.hpp"

namespace tongxin::shuttle {
namespace {

using util::DateOf;
using util::Rng;

void LoadShuttle(db::Connection& conn, int64_t street, int64_t community, int64_t leader_user, int64_t worker_user,
                 uint64_t seed) {
    Rng rng(seed);
    int64_t now = time::NowUnix();
    int64_t service = conn.Insert(
        "INSERT INTO shuttle_services (street_id, community_id, name, destination, operator, min_age, max_age, notes, "
        "created_at) VALUES (?, ?, '新冠疫苗接种免费接驳', '南湖公园临时接种点', '天府公交702车队', 18, 59, "
        "'由居民小组长代为预约，志愿者随车引导', ?)",
        street, community, now);
    // The stops are the gates of the community's compounds, ten minutes apart.
    auto compounds = conn.Query("SELECT id, name FROM compounds WHERE community_id = ? ORDER BY id LIMIT 3", community);
    const char* kMinutes[] = {":00", ":10", ":20"};
    const int kHours[] = {8, 10, 14};
    // Residents of the grids, each booked by their group leader: the demo leader for the first grid.
    auto grids = conn.Query("SELECT id FROM places WHERE kind = 'grid' AND community_id = ? ORDER BY id", community);
    for (int t = 0; t < 3; ++t) {
        std::string date = "2021-02-17";
        int64_t departs = time::DayStartUnix(date) + kHours[t] * 3600 + 30 * 60;
        int64_t trip = conn.Insert(
            "INSERT INTO shuttle_trips (service_id, street_id, community_id, trip_date, departs_at, booking_deadline, "
            "vehicle, seats, booked_count, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 40, 0, 'closed', ?)",
            service, street, community, date, departs, departs - 12 * 3600, "702路 川A·" + std::to_string(70201 + t),
            now);
        std::vector<int64_t> stops;
        for (size_t s = 0; s < compounds.size(); ++s) {
            std::string at = (kHours[t] < 10 ? "0" : "") + std::to_string(kHours[t]) + kMinutes[s];
            stops.push_back(conn.Insert(
                "INSERT INTO shuttle_stops (trip_id, seq, name, stop_time, compound_id) VALUES (?, ?, ?, ?, ?)", trip,
                static_cast<int64_t>(s + 1), compounds[s].Str("name") + "大门", at, compounds[s].Int("id")));
        }
        auto grid = grids[static_cast<size_t>(t) % grids.size()].Int("id");
        auto people = conn.Query(
            "SELECT id FROM residents WHERE grid_id = ? AND moved_out IS NULL AND birth_date > '1961-02-17' AND "
            "birth_date <= '2003-02-17' ORDER BY id LIMIT 44 OFFSET ?",
            grid, int64_t{t * 44});
        int64_t booked = 0;
        for (size_t i = 0; i < people.size(); ++i) {
            bool seat = booked < 40;
            std::string status = !seat ? "cancelled" : (i % 13 == 5 ? "no_show" : "boarded");
            if (seat) ++booked;
            conn.Exec(
                "INSERT INTO shuttle_reservations (trip_id, resident_id, stop_id, status, booked_by, booked_at, "
                "boarded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                trip, people[i].Int("id"), stops[i % 3], status, t == 0 ? leader_user : worker_user,
                departs - 86400 - rng.Uniform(0, 7200),
                status == "boarded" ? std::optional<int64_t>(departs - 600) : std::nullopt);
        }
        conn.Exec("UPDATE shuttle_trips SET booked_count = ? WHERE id = ?", booked, trip);
        // Two volunteers on board each trip.
        auto volunteers = conn.Query(
            "SELECT id FROM residents WHERE community_id = ? AND moved_out IS NULL AND birth_date <= '1995-12-31' AND "
            "birth_date >= '1970-01-01' ORDER BY id DESC LIMIT 2 OFFSET ?",
            community, int64_t{t * 2});
        for (size_t i = 0; i < volunteers.size(); ++i) {
            const auto& v = volunteers[i];
            volunteer::RecordInput in{v.Int("id"), std::nullopt,          date,
                                      180,         "epidemic_prevention", "疫苗接种接驳随车志愿服务"};
            int64_t hours = volunteer::HoursLedger::AppendRecord(conn, in, street, community, std::nullopt);
            // One guides boarding at the first gate, one rides the bus.
            conn.Exec(
                "INSERT INTO shuttle_volunteers (trip_id, resident_id, stop_id, minutes, hours_id, assigned_by, "
                "created_at) VALUES (?, ?, ?, 180, ?, ?, ?)",
                trip, v.Int("id"), i == 0 ? std::optional<int64_t>(stops[0]) : std::nullopt, hours, worker_user, now);
        }
    }
    // The booking notice on the community's board, two days ahead.
    std::string times, gates;
    for (int t = 0; t < 3; ++t)
        times += (t ? "、" : "") + std::string(kHours[t] < 10 ? "0" : "") + std::to_string(kHours[t]) + ":00";
    for (const auto& c : compounds) gates += (gates.empty() ? "" : "、") + c.Str("name") + "大门";
    conn.Exec(
        "INSERT INTO notices (street_id, community_id, title, body, link, source, source_id, published_by, "
        "published_at) VALUES (?, ?, ?, ?, '/m/shuttle', 'shuttle_service', ?, ?, ?)",
        street, community, std::string("2021-02-17 新冠疫苗接种免费接驳车"),
        "【新冠疫苗接种免费接驳】2 月 17 日天府公交702车队免费接送 18–59 岁居民前往南湖公园临时接种点，每车 40 "
        "座。\n发车时间：" +
            times + "，依次停靠" + gates +
            "。\n请向本小组组长预约，组长代为登记；名额有限，约满后自动候补。乘车请带身份证、戴口罩，志愿者随车引导。",
        service, worker_user, time::DayStartUnix("2021-02-15") + 9 * 3600);
}

}  // namespace

void LoadDemo(DemoWorld& w) { LoadShuttle(w.conn, w.street, w.other.id, w.User("leader"), w.User("nanshan"), 217); }

}  // namespace tongxin::shuttle
