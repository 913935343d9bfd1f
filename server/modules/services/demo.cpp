// Demo records of the service line: service points around each community's buildings (placed
// from the buildings' coordinates, so some kinds leave gaps), and mutual aid 2019–2021, part of
// it counted as volunteer hours.
#include <cstdio>

#include "core/time/clock.hpp"
#include "core/util/rng.hpp"
#include "modules/services/module.hpp"
#include "modules/volunteer/service.hpp"

namespace tongxin::services {
namespace {

using util::DateOf;
using util::Rng;

void LoadServiceLine(db::Connection& conn, int64_t street, int64_t community, uint64_t seed) {
    Rng rng(seed);
    auto centre = conn.QueryOne(
        "SELECT avg(lat) AS lat, avg(lng) AS lng FROM places WHERE kind = 'building' AND community_id = ? AND "
        "lat "
        "IS NOT NULL",
        community);
    if (!centre || centre->IsNull("lat")) return;
    double lat = centre->Real("lat"), lng = centre->Real("lng");
    auto name = conn.QueryOne("SELECT name FROM places WHERE id = ?", community)->Str(0);
    struct Point {
        const char* suffix;
        const char* kind;
        double dlat, dlng;  // degrees from the buildings' centre (0.009° of latitude ≈ 1 km)
        const char* hours;
        const char* groups;
        const char* services;
    };
    const Point kPoints[] = {
        {"党群服务中心", "government", 0.0005, -0.0004, "周一至周五 9:00-17:30", "elderly,adult,youth",
         "政务代办、民族政策咨询、居住证办理"},
        {"民族之家", "culture", -0.0008, 0.0006, "每天 9:00-21:00", "elderly,adult,youth,child",
         "民族文化展示、图书角、手工坊、民族歌舞排练"},
        {"日间照料中心", "elderly_care", 0.0012, 0.0010, "每天 8:00-18:00", "elderly",
         "助餐、助浴、健康监测、文娱活动"},
        {"社区卫生服务站", "medical", -0.0030, -0.0025, "每天 8:00-20:00", "elderly,adult,youth,child",
         "基本医疗、慢病管理、预防接种"},
        {"四点半课堂", "education", 0.0020, -0.0015, "上学日 16:30-18:30", "child,youth",
         "课后托管、作业辅导、国学课堂"},
        {"全民健身广场", "sports", -0.0015, 0.0030, "每天 6:00-22:00", "elderly,adult,youth,child",
         "健身器材、篮球场、广场舞"},
        {"便民服务点", "convenience", 0.0008, 0.0022, "每天 7:00-21:00", "elderly,adult", "家电维修、裁缝、快递代收"},
        // The nursery is beyond a 15-minute walk from the far buildings: a gap the page shows.
        {"普惠托育园", "childcare", 0.0110, 0.0090, "周一至周五 7:30-18:00", "child", "0-3 岁托育、亲子活动"},
    };
    int64_t now = time::NowUnix();
    for (const auto& p : kPoints) {
        conn.Exec(
            "INSERT INTO service_points (street_id, community_id, name, kind, address, lat, lng, opening_hours, "
            "age_groups, services, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            street, community, name + p.suffix, std::string(p.kind), name + p.suffix, lat + p.dlat, lng + p.dlng,
            std::string(p.hours), std::string(p.groups), std::string(p.services), now, now);
    }

    // Mutual aid: requests of older residents and families, offers of neighbours; most requests
    // matched and completed, a few still open.
    auto people = conn.Query(
        "SELECT id, birth_date FROM residents WHERE community_id = ? AND moved_out IS NULL AND birth_date IS NOT NULL "
        "ORDER BY id",
        community);
    std::vector<int64_t> elders, adults;
    for (const auto& r : people) (r.Str("birth_date") < "1956-01-01" ? elders : adults).push_back(r.Int("id"));
    if (elders.size() < 40 || adults.size() < 40) return;
    struct Need {
        const char* group;
        const char* title;
    };
    const Need kNeeds[] = {{"elderly", "陪同就医"},     {"elderly", "代买生活用品"}, {"child", "放学接送"},
                           {"elderly", "上门理发"},     {"youth", "作业辅导"},       {"adult", "家电维修"},
                           {"elderly", "智能手机教学"}, {"child", "周末看护"}};
    for (int i = 0; i < 60; ++i) {
        const Need& n = kNeeds[i % 8];
        int year = 2019 + i % 3;
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, 1 + (i * 5) % 12, 1 + (i * 3) % 27);
        int64_t asker = elders[static_cast<size_t>(rng.Uniform(0, static_cast<int>(elders.size()) - 1))];
        int64_t helper = adults[static_cast<size_t>(rng.Uniform(0, static_cast<int>(adults.size()) - 1))];
        int64_t created = time::DayStartUnix(date) - 3 * 86400;
        int64_t offer = conn.Insert(
            "INSERT INTO mutual_aid (street_id, community_id, kind, resident_id, age_group, title, detail, status, "
            "created_at, updated_at) VALUES (?, ?, 'offer', ?, ?, ?, '', 'matched', ?, ?)",
            street, community, helper, std::string(n.group), std::string("可提供") + n.title, created, created);
        bool done = i < 54;
        std::optional<int64_t> hours;
        int64_t minutes = 60 * rng.Uniform(1, 3);
        if (done && i % 2 == 0) {
            volunteer::RecordInput in{helper,  std::nullopt, date,
                                      minutes, "mutual_aid", std::string("邻里互助：") + n.title};
            hours = volunteer::HoursLedger::AppendRecord(conn, in, street, community, std::nullopt);
        }
        conn.Exec(
            "INSERT INTO mutual_aid (street_id, community_id, kind, resident_id, age_group, title, detail, status, "
            "helper_resident_id, offer_id, minutes, hours_id, completed_on, created_at, updated_at) VALUES (?, ?, "
            "'request', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            street, community, asker, std::string(n.group), std::string(n.title), std::string("需要邻居搭把手"),
            std::string(done ? "completed" : "matched"), helper, offer,
            done ? std::optional<int64_t>(minutes) : std::nullopt, hours,
            done ? std::optional<std::string>(date) : std::nullopt, created, created);
    }
    for (int i = 0; i < 6; ++i) {
        conn.Exec(
            "INSERT INTO mutual_aid (street_id, community_id, kind, resident_id, age_group, title, detail, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)",
            street, community, std::string(i % 2 ? "offer" : "request"),
            i % 2 ? adults[static_cast<size_t>(i)] : elders[static_cast<size_t>(i)], std::string(kNeeds[i].group),
            std::string(i % 2 ? "可提供" : "") + kNeeds[i].title, now, now);
    }
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    LoadServiceLine(w.conn, w.street, w.model.id, w.model.seed);
    LoadServiceLine(w.conn, w.street, w.other.id, w.other.seed);
}

}  // namespace tongxin::services
