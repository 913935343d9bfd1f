// Volunteer-line indicators at a year's end: the minority residents who are regular volunteers
// by each community's rule, and the hours they served in the year.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "modules/volunteer/module.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;
using reports::KpiRecords;
using reports::KpiScope;

namespace {

struct Regular {
    int64_t resident_id;
    std::string name, ethnicity, pinyin;
    int64_t window_minutes, activities, year_minutes;
};

// Every minority regular volunteer of the place at the year's end (a street: each of its
// communities by its own rule), sorted by pinyin, with the minutes served in the year.
std::vector<Regular> RegularsOf(db::Connection& c, const KpiScope& s) {
    std::vector<int64_t> communities;
    if (s.place_column == "community_id") {
        communities.push_back(s.place_id);
    } else {
        for (const auto& r :
             c.Query("SELECT id FROM places WHERE kind = 'community' AND street_id = ? ORDER BY id", s.place_id)) {
            communities.push_back(r.Int(0));
        }
    }
    std::vector<Regular> out;
    for (int64_t community : communities) {
        RegularQuery q = RegularVolunteersSql(c, community, s.year_end(), true);
        std::map<int64_t, int64_t> year_minutes;
        if (q.settings.regular_months != 12) {
            for (const auto& r : c.Query(
                     "SELECT resident_id, sum(minutes) AS minutes FROM volunteer_monthly WHERE community_id = ? AND "
                     "month >= ? "
                     "AND month <= ? GROUP BY resident_id",
                     community, s.year_start().substr(0, 7), s.year_end().substr(0, 7))) {
                year_minutes[r.Int("resident_id")] = r.Int("minutes");
            }
        }
        for (const auto& r : c.Run(q.sql, q.params)) {
            // With the default twelve-month window the window is the calendar year.
            const int64_t id = r.Int("resident_id");
            int64_t in_year = q.settings.regular_months == 12 ? r.Int("minutes") : year_minutes[id];
            out.push_back({id, r.Str("name"), r.Str("ethnicity"), r.Str("pinyin"), r.Int("minutes"),
                           r.Int("activities"), in_year});
        }
    }
    std::sort(out.begin(), out.end(), [](const Regular& a, const Regular& b) {
        return a.pinyin != b.pinyin ? a.pinyin < b.pinyin : a.resident_id < b.resident_id;
    });
    return out;
}

KpiRecords RecordsOf(const std::vector<Regular>& all, int64_t limit, int64_t offset) {
    KpiRecords out;
    out.columns = {"name", "ethnicity", "hours_in_year", "activities", "minutes_in_year"};
    out.total = static_cast<int64_t>(all.size());
    for (int64_t i = offset; i < out.total && i < offset + limit; ++i) {
        const Regular& g = all[static_cast<size_t>(i)];
        out.items.push_back({{"id", g.resident_id},
                             {"name", g.name},
                             {"ethnicity", g.ethnicity},
                             {"hours_in_year", static_cast<double>(g.year_minutes) / 60.0},
                             {"activities", g.activities},
                             {"minutes_in_year", g.year_minutes},
                             {"link", "/residents/" + std::to_string(g.resident_id)}});
    }
    return out;
}

}  // namespace

void RegisterIndicators(reports::Registry& registry) {
    reports::Indicator regulars;
    regulars.id = "volunteer.regular_volunteers";
    regulars.label_zh = "少数民族常态志愿者";
    regulars.label_en = "Minority regular volunteers";
    regulars.unit_zh = "人";
    regulars.unit_en = "people";
    regulars.value = [](db::Connection& c, const KpiScope& s) { return static_cast<double>(RegularsOf(c, s).size()); };
    regulars.records = [](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        return RecordsOf(RegularsOf(c, s), limit, offset);
    };
    regulars.per_community = true;
    // Named minority residents: only roles that may see ethnicity.
    regulars.records_permission = "residents.sensitive";
    regulars.definition_zh = "年末按本社区常态志愿者规则（规定时段内服务时长或次数达标）认定的少数民族志愿者人数";
    regulars.definition_en =
        "Minority volunteers who meet their community's regular-volunteer rule (hours or activities within its window) "
        "at the year's end";
    registry.Add(std::move(regulars));

    reports::Indicator hours;
    hours.id = "volunteer.hours";
    hours.label_zh = "少数民族常态志愿者年度服务时长";
    hours.label_en = "Hours served by minority regular volunteers in the year";
    hours.unit_zh = "小时";
    hours.unit_en = "hours";
    hours.aggregate = "sum";
    hours.sum_field = "minutes_in_year";
    hours.sum_scale = 1.0 / 60.0;
    hours.value = [](db::Connection& c, const KpiScope& s) {
        int64_t minutes = 0;
        for (const auto& g : RegularsOf(c, s)) minutes += g.year_minutes;
        return static_cast<double>(minutes) / 60.0;
    };
    hours.records = [](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        return RecordsOf(RegularsOf(c, s), limit, offset);
    };
    hours.per_community = true;
    // Named minority residents: only roles that may see ethnicity.
    hours.records_permission = "residents.sensitive";
    hours.definition_zh = "少数民族常态志愿者当年已记录的服务时长";
    hours.definition_en = "Hours recorded in the year by the minority regular volunteers";
    registry.Add(std::move(hours));
}

}  // namespace tongxin::volunteer
