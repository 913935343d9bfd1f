// Demo records of the volunteer line: activities 2019–2021 with sign-ups, check-ins and the
// hours ledger (a few corrections and disputes among them), points, rewards and redemptions.
// Who serves how often is drawn from the registry with a fixed seed; the regular volunteers of
// CONTRACT.md are those whose records pass the rule, not a list typed in.
#include <cstdio>

#include "core/time/clock.hpp"
#include "core/util/rng.hpp"
#include "modules/volunteer/module.hpp"
#include "modules/volunteer/service.hpp"

namespace tongxin::volunteer {
namespace {

using util::DateOf;
using util::Rng;
using util::Shuffle;

struct VolunteerPlan {
    int regulars = 0;                        // minority residents serving at a share of every year's activities
    int occasional = 0;                      // minority residents serving two or three times a year
    int han = 0;                             // Han volunteers serving at a quarter of the activities
    int activities_per_year[3] = {0, 0, 0};  // 2019, 2020, 2021
    int regular_share_tenths = 3;
};

struct Template {
    const char* kind;
    const char* title;
    const char* place;
    bool mutual;  // run by the mutual-aid team
};

const std::vector<Template>& Templates() {
    static const std::vector<Template> kAll = {
        {"ethnic_unity", "民族团结进步宣讲", "社区民族之家", false},
        {"policy_promotion", "民族政策进小区宣传", "安公小区广场", false},
        {"civility_persuasion", "文明交通劝导", "华阳大道路口", false},
        {"social_service", "敬老院志愿服务", "华阳敬老院", false},
        {"social_service", "社区环境清洁", "锦江苑", false},
        {"culture", "民族之家图书角值守", "社区民族之家", false},
        {"epidemic_prevention", "疫情防控卡点值守", "小区门口", false},
        {"mutual_aid", "邻里互助上门服务", "居民家中", true},
        {"policy_promotion", "民法典进社区宣传", "民族文化广场", false},
        {"social_service", "关爱留守儿童课堂", "社区四点半课堂", false},
        {"civility_persuasion", "垃圾分类文明劝导", "南湖花园", false},
        {"ethnic_unity", "民族文化体验日志愿服务", "民族文化广场", false},
    };
    return kAll;
}

std::vector<int64_t> Adults(db::Connection& conn, int64_t community, const char* ethnicity_clause) {
    std::vector<int64_t> out;
    for (const auto& r : conn.Run(std::string("SELECT id FROM residents WHERE community_id = ? AND moved_out IS NULL "
                                              "AND birth_date <= '2003-12-31' AND birth_date >= '1946-01-01' AND ") +
                                      ethnicity_clause + " ORDER BY id",
                                  {community})) {
        out.push_back(r.Int("id"));
    }
    return out;
}

std::string CodeOf(Rng& rng) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%08llx", static_cast<unsigned long long>(rng.Next()),
                  static_cast<unsigned long long>(rng.Next() & 0xffffffffULL));
    return buf;
}

void LoadLine(db::Connection& conn, int64_t street, int64_t community, int64_t team, int64_t mutual_team,
              const VolunteerPlan& plan, uint64_t seed) {
    Rng rng(seed);
    auto minority = Adults(conn, community, "ethnicity >= '02' AND ethnicity <= '56'");
    auto han = Adults(conn, community, "ethnicity = '01'");
    Shuffle(minority, rng);
    Shuffle(han, rng);
    if (minority.size() < static_cast<size_t>(plan.regulars) + static_cast<size_t>(plan.occasional) ||
        han.size() < static_cast<size_t>(plan.han)) {
        throw std::runtime_error("demo: not enough residents for the volunteer line");
    }
    std::vector<int64_t> regulars(minority.begin(), minority.begin() + plan.regulars);
    std::vector<int64_t> occasional(minority.begin() + plan.regulars,
                                    minority.begin() + plan.regulars + plan.occasional);
    std::vector<int64_t> han_volunteers(han.begin(), han.begin() + plan.han);

    std::vector<std::pair<int64_t, int64_t>> recent;  // (hours id, resident) of 2021, for corrections
    for (int y = 0; y < 3; ++y) {
        int year = 2019 + y;
        int count = plan.activities_per_year[y];
        for (int j = 0; j < count; ++j) {
            const Template& t = Templates()[static_cast<size_t>(j) % Templates().size()];
            // Spread over the year (2019 from May, when the teams were founded), Saturdays and
            // weekdays alike, 9:00 or 14:30.
            int first_month = year == 2019 ? 5 : 1;
            int month = first_month + j * (13 - first_month) / count;
            int day = 1 + (j * 11) % 28;
            std::string date = DateOf(year, month, day);
            int64_t starts = time::DayStartUnix(date) + (j % 2 ? 9 * 3600 : 14 * 3600 + 1800);
            int minutes = t.mutual ? 120 : (j % 3 == 0 ? 240 : 180);
            int64_t ends = starts + minutes * 60;

            std::vector<int64_t> people;
            for (size_t i = 0; i < regulars.size(); ++i) {
                // Each regular serves at about a third of the activities, in a fixed rotation.
                if ((static_cast<int>(i) * 7 + j * 3 + y) % 10 < plan.regular_share_tenths)
                    people.push_back(regulars[i]);
            }
            for (size_t i = 0; i < occasional.size(); ++i) {
                // Occasional volunteers: two or three activities a year.
                if ((static_cast<int>(i) + j * 5 + y) % (count / 2 + 1) == 0) people.push_back(occasional[i]);
            }
            for (size_t i = 0; i < han_volunteers.size(); ++i) {
                if ((static_cast<int>(i) * 3 + j + y) % 4 == 0) people.push_back(han_volunteers[i]);
            }
            int64_t capacity = std::max<int64_t>(20, static_cast<int64_t>(people.size()) + rng.Uniform(0, 8));
            int64_t org = t.mutual ? mutual_team : team;
            int64_t activity = conn.Insert(
                "INSERT INTO volunteer_activities (organization_id, street_id, community_id, title, kind, content, "
                "place, starts_at, ends_at, capacity, confirmed_count, status, checkin_code, created_at) VALUES (?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?)",
                org, street, community, std::string(t.title), std::string(t.kind),
                std::string(t.title) + "：志愿者按时签到，服从现场安排。", std::string(t.place), starts, ends, capacity,
                static_cast<int64_t>(people.size()), CodeOf(rng), starts - 7 * 86400);
            for (int64_t rid : people) {
                int64_t in = starts - 60 * rng.Uniform(0, 10);
                int64_t out_at = ends + 60 * rng.Uniform(0, 10);
                conn.Exec(
                    "INSERT INTO volunteer_signups (activity_id, resident_id, status, signed_up_at, checked_in_at, "
                    "checked_out_at) VALUES (?, ?, 'confirmed', ?, ?, ?)",
                    activity, rid, starts - 86400 * rng.Uniform(1, 6), in, out_at);
                RecordInput rec{rid, activity, date, minutes, t.kind, t.title};
                int64_t hours = HoursLedger::AppendRecord(conn, rec, street, community, std::nullopt);
                if (year == 2021 && recent.size() < 200) recent.emplace_back(hours, rid);
            }
            // One cancelled sign-up and one who never checked in, on some activities.
            if (j % 6 == 0 && !occasional.empty()) {
                int64_t who = occasional[static_cast<size_t>(j) % occasional.size()];
                conn.Exec(
                    "INSERT INTO volunteer_signups (activity_id, resident_id, status, signed_up_at) VALUES (?, ?, "
                    "'cancelled', ?) ON CONFLICT (activity_id, resident_id) DO NOTHING",
                    activity, who, starts - 3 * 86400);
            }
        }
    }

    // Corrections: a check-out recorded late, reversed with a reason and recorded again shorter.
    for (size_t k = 0; k < recent.size() && k < 60; k += 15) {
        auto row = conn.QueryOne(
            "SELECT resident_id, activity_id, served_on, minutes, kind, content FROM volunteer_hours WHERE id = ?",
            recent[k].first);
        HoursLedger::AppendReversal(conn, recent[k].first, "签退时间登记有误，按现场签到表更正", std::nullopt);
        RecordInput fixed{row->Int("resident_id"),  row->Int("activity_id"), row->Str("served_on"),
                          row->Int("minutes") - 30, row->Str("kind"),        row->Str("content")};
        HoursLedger::AppendRecord(conn, fixed, street, community, std::nullopt, "签退时间登记有误，按现场签到表更正");
    }
    // Disputes: one still open, one upheld.
    if (recent.size() > 40) {
        conn.Exec(
            "INSERT INTO volunteer_disputes (hours_id, resident_id, street_id, community_id, reason, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            recent[31].first, recent[31].second, street, community, std::string("当天提前到场布置，时长少记了一小时"),
            time::NowUnix());
        conn.Exec(
            "INSERT INTO volunteer_disputes (hours_id, resident_id, street_id, community_id, reason, status, "
            "resolution, resolved_at, created_at) VALUES (?, ?, ?, ?, ?, 'upheld', ?, ?, ?)",
            recent[37].first, recent[37].second, street, community, std::string("活动时长记录偏少"),
            std::string("经核对签到表，记录无误，维持原记录"), time::NowUnix(), time::NowUnix());
    }

    // Rewards and redemptions.
    struct Reward {
        const char* name;
        int64_t points, stock;
    };
    const Reward kRewards[] = {{"大米 5 公斤", 300, 40},   {"食用油 5 升", 250, 40}, {"洗衣液", 120, 60},
                               {"民族文化体验课", 80, 30}, {"社区理发券", 50, 100},  {"环保购物袋", 30, 200}};
    std::vector<int64_t> rewards;
    for (const auto& r : kRewards) {
        rewards.push_back(conn.Insert(
            "INSERT INTO volunteer_rewards (street_id, community_id, name, description, points, stock, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            street, community, std::string(r.name), std::string("志愿服务积分兑换"), r.points, r.stock,
            time::DayStartUnix("2020-01-01")));
    }
    for (size_t i = 0; i < regulars.size(); i += 2) {
        PointsService::TakeReward(conn, rewards[i % rewards.size()], regulars[i], std::nullopt);
    }
}

// The community's two volunteer teams (organizations/demo.cpp): the main one and the mutual-aid one.
std::pair<int64_t, int64_t> Teams(db::Connection& conn, int64_t community) {
    auto ids = IdsOf(conn.Query(
        "SELECT id FROM organizations WHERE community_id = ? AND kind = 'volunteer_team' ORDER BY id", community));
    if (ids.size() < 2) throw std::runtime_error("demo: the volunteer teams are missing");
    return {ids[0], ids[1]};
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    VolunteerPlan model;
    model.regulars = 75;
    model.occasional = 45;
    model.han = 40;
    model.activities_per_year[0] = 40;
    model.activities_per_year[1] = 60;
    model.activities_per_year[2] = 96;
    auto [team, mutual] = Teams(w.conn, w.model.id);
    LoadLine(w.conn, w.street, w.model.id, team, mutual, model, w.model.seed + 7);
    VolunteerPlan other;
    other.regulars = 20;
    other.occasional = 20;
    other.han = 25;
    other.activities_per_year[1] = 24;
    other.activities_per_year[2] = 36;
    auto [other_team, other_mutual] = Teams(w.conn, w.other.id);
    LoadLine(w.conn, w.street, w.other.id, other_team, other_mutual, other, w.other.seed + 7);
}

}  // namespace tongxin::volunteer
