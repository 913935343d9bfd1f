// Demo records of the culture platform: 安公社区's 1300 m² 社区民族之家 with its rooms (the museum,
// the theatre hall, the book corner, the craft workshop, the reception hall, a rehearsal room),
// a year of bookings with the societies' weekly rehearsals, the branded series and their events,
// the museum's daily visits, and a catalogue of about 150 exhibits across the community's ethnic
// groups; 南山社区 a small activity room. The societies are organisations (organizations/demo.cpp).
#include <algorithm>
#include <map>

#include "core/media/image.hpp"
#include "core/media/photos.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "core/util/rng.hpp"
#include "modules/culture/module.hpp"
#include "modules/culture/service.hpp"

namespace tongxin::culture {
namespace {

using util::DateOf;
using util::Rng;

struct Ctx {
    db::Connection& conn;
    int64_t street;
    int64_t community;
    Rng& rng;
};

int64_t AddVenue(Ctx& c, const std::string& name, const std::string& address, double area, const std::string& opened) {
    const int64_t now = time::NowUnix();
    return c.conn.Insert(
        "INSERT INTO venues (street_id, community_id, name, address, area_m2, opened_on, description, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.street, c.community, name, address, area, opened, std::string("社区各民族居民共同的活动阵地"), now, now);
}

int64_t AddRoom(Ctx& c, int64_t venue, const std::string& name, const std::string& kind, double area, int64_t capacity,
                const std::string& opens, const std::string& closes, const std::string& closed, bool auto_approve) {
    return c.conn.Insert(
        "INSERT INTO rooms (venue_id, street_id, community_id, name, kind, area_m2, capacity, opens, closes, "
        "closed_weekdays, bookable, auto_approve, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        venue, c.street, c.community, name, kind, area, capacity, opens, closes, closed, kind != "museum", auto_approve,
        time::NowUnix());
}

// Unix seconds of HH:MM on a date in +08:00.
int64_t At(const std::string& date, int hour, int minute = 0) {
    return time::DayStartUnix(date) + hour * 3600 + minute * 60;
}

int64_t Book(Ctx& c, int64_t room, const std::string& date, int from_hour, int to_hour, const std::string& purpose,
             const std::string& kind, std::optional<int64_t> org, std::optional<int64_t> resident,
             const std::string& status, std::optional<int64_t> recurrence = std::nullopt) {
    BookingInput in;
    in.room_id = room;
    in.starts_at = At(date, from_hour);
    in.ends_at = At(date, to_hour);
    in.purpose = purpose;
    in.booker_kind = kind;
    in.organization_id = org;
    in.resident_id = resident;
    in.booker_name = kind == "partner" ? "四川省新疆商会" : kind == "community" ? "安公社区" : "";
    in.expected = c.rng.Uniform(10, 40);
    return CultureService::InsertBooking(c.conn, in, status, recurrence);
}

// 2021 for 安公社区: the societies' weekly rehearsals in the rehearsal room (one evening each),
// residents' and partners' bookings of the hall, the book corner and the workshop.
void AddBookings(Ctx& c, const std::map<std::string, int64_t>& rooms, const std::vector<int64_t>& societies) {
    static const char* kEvenings[] = {"2021-01-04", "2021-01-05", "2021-01-06", "2021-01-07", "2021-01-08"};
    for (size_t i = 0; i < societies.size() && i < 5; ++i) {
        std::optional<int64_t> recurrence;
        for (int week = 0; week < 52; ++week) {
            const std::string date = time::AddDays(kEvenings[i], 7 * week);
            if (date > "2021-12-31") break;
            const std::string status = week == 5 ? "cancelled" : c.rng.Chance(0.04) ? "no_show" : "used";
            int64_t id = Book(c, rooms.at("rehearsal"), date, 19, 21, "社团每周排练", "society", societies[i],
                              std::nullopt, status, recurrence);
            if (!recurrence) {
                recurrence = id;
                c.conn.Exec("UPDATE room_bookings SET recurrence_id = ? WHERE id = ?", id, id);
            }
        }
    }
    auto residents = AdultsPresent(c.conn, c.community, "1 = 1");
    static const std::vector<std::string> kPurposes = {"邻里读书会", "民族手工体验", "亲子绘本时间", "居民议事",
                                                       "民族服饰试穿交流"};
    static const std::vector<std::string> kRooms = {"reading", "craft"};
    // One resident or partner booking on most Saturday and Sunday mornings.
    for (std::string day = "2021-01-02"; day <= "2021-12-31"; day = time::AddDays(day, 7)) {
        for (int k = 0; k < 2; ++k) {
            const std::string date = time::AddDays(day, k);
            if (c.rng.Chance(0.25)) continue;
            const std::string& room = kRooms[static_cast<size_t>(c.rng.Uniform(0, 1))];
            const bool partner = c.rng.Chance(0.15);
            const double roll = c.rng.Unit();
            const std::string status = roll < 0.85 ? "used" : roll < 0.93 ? "cancelled" : "rejected";
            int64_t id = Book(c, rooms.at(room), date, 9, 11, partner ? "商会民族特产展示" : c.rng.Pick(kPurposes),
                              partner ? "partner" : "resident", std::nullopt,
                              partner ? std::nullopt : std::optional<int64_t>(c.rng.Pick(residents)), status);
            if (status == "rejected")
                c.conn.Exec("UPDATE room_bookings SET decision_note = '当日场地另有安排' WHERE id = ?", id);
        }
    }
}

// The branded series and their events 2019–2021: the theatre monthly in the hall (each with its
// booking), the workshop twice a month, the art week in October.
void AddSeries(Ctx& c, int64_t hall, int64_t workshop, const std::vector<int64_t>& societies) {
    auto series = [&](const std::string& name, const std::string& description, const std::string& from) {
        return c.conn.Insert(
            "INSERT INTO culture_series (street_id, community_id, name, description, started_on, created_at) VALUES "
            "(?, ?, ?, ?, ?, ?)",
            c.street, c.community, name, description, from, time::NowUnix());
    };
    const int64_t theatre = series("蓉城一家亲民族剧场", "各民族社团轮流登台的月度演出", "2019-06-01");
    const int64_t crafts = series("民族创意工坊", "羌绣、藏式唐卡、彝族漆器等民族手工艺体验", "2019-09-01");
    const int64_t week = series("民族文化艺术周", "每年十月的民族文化艺术周：演出、展览、美食与非遗体验", "2019-10-01");
    auto event = [&](int64_t s, const std::string& title, const std::string& date, std::optional<int64_t> room,
                     std::optional<int64_t> booking, int64_t audience, const std::vector<int64_t>& performers) {
        int64_t id = c.conn.Insert(
            "INSERT INTO culture_events (series_id, street_id, community_id, title, held_on, room_id, booking_id, "
            "place, audience, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            s, c.street, c.community, title, date, room, booking, std::string("社区民族之家"), audience,
            time::DayStartUnix(date));
        for (int64_t o : performers)
            c.conn.Exec("INSERT INTO culture_event_performers (event_id, organization_id) VALUES (?, ?)", id, o);
    };
    static const std::vector<std::string> kCrafts = {"羌绣体验课",   "藏式唐卡绘制", "彝族漆器彩绘",
                                                     "苗族银饰制作", "民族剪纸",     "扎染工作坊"};
    for (int year = 2019; year <= 2021; ++year) {
        for (int month = (year == 2019 ? 6 : 1); month <= 12; ++month) {
            const std::string date = DateOf(year, month, 20);
            std::optional<int64_t> booking;
            if (year == 2021)
                booking = Book(c, hall, date, 19, 21, "蓉城一家亲民族剧场演出", "community", std::nullopt, std::nullopt,
                               "used");
            const size_t a = static_cast<size_t>(month) % societies.size(), b = (a + 3) % societies.size();
            event(theatre, "蓉城一家亲民族剧场 · " + std::to_string(month) + "月专场", date, hall, booking,
                  c.rng.Uniform(120, 200), {societies[a], societies[b]});
        }
        for (int month = (year == 2019 ? 9 : 1); month <= 12; ++month) {
            for (int day : {8, 23}) {
                event(crafts, c.rng.Pick(kCrafts), DateOf(year, month, day), workshop, std::nullopt,
                      c.rng.Uniform(15, 30), {});
            }
        }
        for (int d = 0; d < 7; ++d) {
            static const char* kWeek[] = {"开幕式暨民族歌舞展演", "民族服饰展",     "民族美食节", "非遗技艺体验",
                                          "民族器乐专场",         "民族团结故事会", "闭幕式"};
            event(week, std::to_string(year) + "年民族文化艺术周 · " + kWeek[d], DateOf(year, 10, 11 + d), hall,
                  std::nullopt, c.rng.Uniform(80, 300), {societies[static_cast<size_t>(d) % societies.size()]});
        }
    }
}

// Visits counted at the museum's door each open day (closed on Mondays) of 2020 and 2021.
void AddVisits(Ctx& c, int64_t venue) {
    static const std::vector<std::string> kGroups = {"华阳小学四年级", "天府新区机关党支部", "社区老年协会",
                                                     "四川省新疆商会", "西藏商会",           "高校志愿者团队"};
    for (std::string day = "2020-01-01"; day <= "2021-12-31"; day = time::AddDays(day, 1)) {
        const int64_t start = time::DayStartUnix(day);
        if (((start / 86400) + 3) % 7 == 0) continue;  // Monday (1970-01-01 was a Thursday)
        auto insert = [&](const std::string& kind, const std::string& group, int64_t people) {
            c.conn.Exec(
                "INSERT INTO museum_visits (venue_id, street_id, community_id, visited_on, kind, group_name, people, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                venue, c.street, c.community, day, kind, group, people, start);
        };
        insert("individual", "", c.rng.Uniform(8, 30));
        if (c.rng.Chance(0.12)) insert("group", c.rng.Pick(kGroups), c.rng.Uniform(15, 45));
    }
}

// About 150 exhibits, by the community's ethnic groups in proportion to their residents.
void AddExhibits(Ctx& c, int64_t venue, int64_t museum) {
    auto groups = c.conn.Query(
        "SELECT ethnicity, count(*) AS n FROM residents WHERE community_id = ? AND ethnicity >= '02' AND ethnicity <= "
        "'56' GROUP BY ethnicity ORDER BY count(*) DESC, ethnicity",
        c.community);
    int64_t all = 0;
    for (const auto& g : groups) all += g.Int("n");
    auto lenders = AdultsPresent(c.conn, c.community, "ethnicity >= '02' AND ethnicity <= '56'");
    static const std::vector<std::pair<std::string, std::string>> kKinds = {{"costume", "传统服饰"},
                                                                            {"craft", "手工艺品"},
                                                                            {"instrument", "民族乐器"},
                                                                            {"document", "文献资料"},
                                                                            {"photograph", "老照片"}};
    static const std::vector<std::string> kMaterials = {"棉、丝", "银", "木、牛皮", "纸本", "相纸", "羊毛", "竹"};
    int number = 0;
    std::vector<int64_t> ids;
    for (const auto& g : groups) {
        const int64_t n = std::max<int64_t>(1, 150 * g.Int("n") / std::max<int64_t>(all, 1));
        const std::string code = g.Str("ethnicity");
        for (int64_t i = 0; i < n; ++i) {
            const auto& [category, label] = kKinds[static_cast<size_t>(number) % kKinds.size()];
            ++number;
            const double roll = c.rng.Unit();
            const std::string provenance = roll < 0.5   ? "donated"
                                           : roll < 0.8 ? "lent"
                                           : roll < 0.9 ? "made"
                                                        : "purchased";
            std::optional<int64_t> source;
            std::string source_name;
            bool consent = false;
            if (provenance == "donated" || provenance == "lent") {
                source = c.rng.Pick(lenders);
                source_name = c.conn.QueryOne("SELECT name FROM residents WHERE id = ?", *source)->Str(0);
                consent = c.rng.Chance(0.6);
            }
            char num[32];
            std::snprintf(num, sizeof num, "AG-%04d-%03d", 2019 + number % 3, number);
            char showcase[16];
            std::snprintf(showcase, sizeof showcase, "%c-%02d", 'A' + number % 6, 1 + number % 12);
            const int64_t now = time::NowUnix();
            ids.push_back(c.conn.Insert(
                "INSERT INTO exhibits (venue_id, street_id, community_id, number, title, ethnicity, category, "
                "description, materials, dimensions, provenance, source_name, source_resident_id, source_consent, "
                "acquired_on, agreement, room_id, showcase, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                venue, c.street, c.community, std::string(num), label + " · " + std::to_string(i + 1), code, category,
                std::string("社区居民珍藏，反映本民族的生活与技艺"), c.rng.Pick(kMaterials),
                std::to_string(c.rng.Uniform(20, 120)) + " × " + std::to_string(c.rng.Uniform(10, 80)) + " cm",
                provenance, source_name, source, consent,
                DateOf(2019 + number % 3, c.rng.Uniform(1, 12), c.rng.Uniform(1, 28)),
                provenance == "lent" ? std::string("借展协议，期限三年") : std::string(""), museum,
                std::string(showcase), number % 9 == 0 ? std::string("in_store") : std::string("on_display"), now,
                now));
        }
    }
    static const std::vector<std::string> kConditions = {"good", "good", "good", "fair", "good", "poor"};
    for (int64_t id : ids) {
        c.conn.Exec(
            "INSERT INTO exhibit_checks (exhibit_id, checked_on, condition, note, created_at) VALUES (?, ?, ?, ?, ?)",
            id, DateOf(2021, c.rng.Uniform(3, 11), c.rng.Uniform(1, 28)), c.rng.Pick(kConditions),
            std::string("年度巡检"), time::NowUnix());
    }
    // Two loans out to the district's exhibitions, returned; one still out.
    for (size_t i = 0; i < 3 && i < ids.size(); ++i) {
        const bool back = i < 2;
        c.conn.Exec(
            "INSERT INTO exhibit_loans (exhibit_id, direction, party, from_date, due_on, returned_on, created_at) "
            "VALUES "
            "(?, 'out', ?, ?, ?, ?, ?)",
            ids[i * 7], std::string("天府新区民族团结进步展"), DateOf(2021, 4 + static_cast<int>(i) * 3, 1),
            DateOf(2021, 5 + static_cast<int>(i) * 3, 30),
            back ? std::optional<std::string>(DateOf(2021, 5 + static_cast<int>(i) * 3, 28)) : std::nullopt,
            time::NowUnix());
        if (!back) c.conn.Exec("UPDATE exhibits SET status = 'on_loan' WHERE id = ?", ids[i * 7]);
    }
}

// Photos — generated cards with the record's name — of every fifth exhibit and of 2021's art
// week, so that the catalogue and the events show pictures.
void AddPhotos(Ctx& c) {
    static const std::map<std::string, std::array<double, 3>> kColours = {{"costume", {150, 60, 40}},
                                                                          {"craft", {40, 90, 120}},
                                                                          {"instrument", {90, 60, 120}},
                                                                          {"document", {90, 80, 50}},
                                                                          {"photograph", {60, 100, 70}}};
    const int64_t at = time::DayStartUnix("2021-06-01");
    int n = 0;
    for (const auto& r :
         c.conn.Query("SELECT id, number, title, ethnicity, category FROM exhibits WHERE community_id = ? ORDER BY id",
                      c.community)) {
        if (n++ % 5 != 0) continue;
        const std::string text =
            r.Str("title") + "\n" + text::EthnicityName(r.Str("ethnicity")) + " · " + r.Str("number");
        media::StorePhoto(c.conn, kExhibitPhotos, {r.Int("id"), c.street, c.community},
                          media::Prepare(media::Card(800, 600, kColours.at(r.Str("category")), text)), r.Str("title"),
                          std::nullopt, at);
    }
    for (const auto& r : c.conn.Query("SELECT id, title, held_on FROM culture_events WHERE community_id = ? AND "
                                      "held_on >= '2021-10-01' AND held_on <= '2021-10-31' ORDER BY id",
                                      c.community)) {
        media::StorePhoto(
            c.conn, kEventPhotos, {r.Int("id"), c.street, c.community},
            media::Prepare(media::Card(1024, 768, {170, 40, 50}, r.Str("title") + "\n" + r.Str("held_on"))),
            r.Str("title") + " 现场", std::nullopt, time::DayStartUnix(r.Str("held_on")));
    }
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    Rng rng(w.model.seed + 17);
    Ctx c{w.conn, w.street, w.model.id, rng};
    const int64_t home = AddVenue(c, "安公社区民族之家", "华阳街道安公路 8 号", 1300, "2019-01-01");
    std::map<std::string, int64_t> rooms;
    const int64_t museum = AddRoom(c, home, "民族文化博物馆", "museum", 420, 80, "09:00", "17:30", "1", false);
    rooms["hall"] = AddRoom(c, home, "多功能演艺厅", "hall", 380, 200, "09:00", "21:30", "", false);
    rooms["reading"] = AddRoom(c, home, "民族书屋", "reading", 120, 40, "09:00", "21:00", "", true);
    rooms["craft"] = AddRoom(c, home, "民族创意工坊", "craft", 150, 30, "09:00", "21:00", "", false);
    rooms["reception"] = AddRoom(c, home, "民族接待厅", "reception", 90, 20, "09:00", "18:00", "6,7", false);
    rooms["rehearsal"] = AddRoom(c, home, "社团排练室", "rehearsal", 140, 40, "09:00", "21:30", "", true);
    c.conn.Exec("INSERT INTO venue_closures (venue_id, closed_on, reason) VALUES (?, '2021-02-12', '春节闭馆')", home);
    auto societies = IdsOf(w.conn.Query(
        "SELECT id FROM organizations WHERE community_id = ? AND kind = 'society' AND dissolved_on IS NULL ORDER BY id",
        w.model.id));
    if (!societies.empty()) {
        AddBookings(c, rooms, societies);
        AddSeries(c, rooms.at("hall"), rooms.at("craft"), societies);
    }
    AddVisits(c, home);
    AddExhibits(c, home, museum);
    AddPhotos(c);

    Rng other_rng(w.other.seed + 17);
    Ctx other{w.conn, w.street, w.other.id, other_rng};
    const int64_t room = AddVenue(other, "南山社区文化活动室", "华阳街道南山路 3 号", 260, "2020-05-01");
    AddRoom(other, room, "活动大厅", "hall", 200, 80, "09:00", "21:00", "", false);
}

}  // namespace tongxin::culture
