// Demo records of the unity committee platform in 安公社区: every minority household assigned to
// one of the committee's 12 liaison officers (by building, with moves and a few reassignments),
// their 2019–2021 log, the needs residents raised and where each went (the rights centre's cases,
// the fund's disbursements and mutual aid, run before this module, are the records several became),
// and the activities residents organised themselves with who took part. The committee and its
// posts are organisations (organizations/demo.cpp).
#include <algorithm>
#include <map>

#include "core/media/image.hpp"
#include "core/media/photos.hpp"
#include "core/time/clock.hpp"
#include "core/util/rng.hpp"
#include "modules/committee/module.hpp"
#include "modules/committee/service.hpp"

namespace tongxin::committee {
namespace {

using util::DateOf;
using util::Rng;

constexpr const char* kStart = "2019-05-01";  // the committee's officers took up their posts

struct Ctx {
    db::Connection& conn;
    int64_t street;
    int64_t community;
    Rng& rng;
};

// Households that had a minority resident after the committee began, by building, each with the
// first day one lived there (not before kStart) and, if all moved away, the day the last left.
struct MinorityHousehold {
    int64_t id = 0;
    std::string from;
    std::optional<std::string> until;
};

std::vector<MinorityHousehold> MinorityHouseholds(Ctx& c) {
    std::vector<MinorityHousehold> out;
    for (const auto& r : c.conn.Query(R"sql(
SELECT h.id, min(coalesce(r.moved_in, '2000-01-01')) AS first_in,
       sum(CASE WHEN r.moved_out IS NULL THEN 1 ELSE 0 END) AS present, max(r.moved_out) AS last_out
FROM households h JOIN residents r ON r.household_id = h.id
WHERE h.community_id = ? AND r.ethnicity >= '02' AND r.ethnicity <= '56'
  AND (r.moved_out IS NULL OR r.moved_out > ?)
GROUP BY h.id, h.building_id ORDER BY h.building_id, h.id)sql",
                                      c.community, kStart)) {
        MinorityHousehold h{r.Int("id"), std::max(r.Str("first_in"), std::string(kStart)), std::nullopt};
        if (r.Int("present") == 0) h.until = r.Str("last_out");
        out.push_back(h);
    }
    return out;
}

// Contiguous runs of households (so by building) to each officer; a few reassigned in 2020.
void Assign(Ctx& c, const std::vector<MinorityHousehold>& households, const std::vector<int64_t>& officers) {
    if (officers.empty()) return;
    const size_t per = (households.size() + officers.size() - 1) / officers.size();
    for (size_t i = 0; i < households.size(); ++i) {
        const MinorityHousehold& h = households[i];
        if (h.until && *h.until <= h.from) continue;
        const size_t k = std::min(i / per, officers.size() - 1);
        int64_t id = CommitteeService::InsertAssignment(c.conn, h.id, officers[k], h.from);
        std::string end = h.until.value_or("");
        if (!end.empty()) {
            c.conn.Exec("UPDATE officer_assignments SET to_date = ?, end_reason = '全户迁出' WHERE id = ?", end, id);
            CommitteeService::RefreshAccess(c.conn, officers[k], h.id);
        } else if (c.rng.Chance(0.05)) {
            std::string when = DateOf(2020, c.rng.Uniform(3, 11), c.rng.Uniform(1, 28));
            if (when <= h.from) continue;
            c.conn.Exec("UPDATE officer_assignments SET to_date = ?, end_reason = '联络员分工调整' WHERE id = ?", when,
                        id);
            CommitteeService::RefreshAccess(c.conn, officers[k], h.id);
            CommitteeService::InsertAssignment(c.conn, h.id, officers[(k + 1) % officers.size()], when);
        }
    }
}

// The officer responsible for the household on `date`, if any.
std::optional<int64_t> OfficerOn(Ctx& c, int64_t household, const std::string& date) {
    auto r = c.conn.QueryOne(
        "SELECT officer_resident_id FROM officer_assignments WHERE household_id = ? AND from_date <= ? AND (to_date IS "
        "NULL OR to_date > ?) ORDER BY id DESC LIMIT 1",
        household, date, date);
    if (!r) return std::nullopt;
    return r->Int(0);
}

std::optional<int64_t> MemberOf(Ctx& c, int64_t household) {
    auto r = c.conn.QueryOne(
        "SELECT id FROM residents WHERE household_id = ? AND ethnicity >= '02' AND ethnicity <= '56' ORDER BY id LIMIT "
        "1",
        household);
    if (!r) return std::nullopt;
    return r->Int(0);
}

void Log(Ctx& c) {
    static const std::vector<std::string> kContacts = {"入户了解家庭近况",         "电话问候，家庭生活稳定",
                                                       "邀请参加民族团结主题活动", "微信群通知社区服务信息",
                                                       "了解子女就学情况",         "节日问候"};
    static const std::vector<std::string> kEducation = {
        "宣讲党的民族政策",     "讲解城乡居民医保参保政策",   "普及反诈骗知识",
        "介绍社区就业创业服务", "宣传铸牢中华民族共同体意识", "讲解垃圾分类与社区公约"};
    static const std::vector<std::string> kCare = {"慰问生病老人",   "帮助办理居住证", "协助子女转学手续",
                                                   "送去节日慰问品", "帮助联系就医",   "陪同办理社保业务"};
    static const std::vector<std::string> kHelpers = {"", "", "社区网格员", "志愿者队伍", "楼栋长", "党员联络人"};
    auto rows = c.conn.Query(
        "SELECT household_id, officer_resident_id, from_date, to_date FROM officer_assignments WHERE community_id = ? "
        "ORDER BY id",
        c.community);
    for (const auto& a : rows) {
        const std::string until = a.OptStr("to_date").value_or("2021-12-31");
        const std::optional<int64_t> member = MemberOf(c, a.Int("household_id"));
        auto place = c.conn.QueryOne(
            "SELECT street_id, community_id, grid_id, building_id FROM households WHERE id = ?", a.Int("household_id"));
        const int n = c.rng.Uniform(2, 5);
        for (int i = 0; i < n; ++i) {
            const int year = c.rng.Uniform(2019, 2021);
            std::string date = DateOf(year, c.rng.Uniform(year == 2019 ? 5 : 1, 12), c.rng.Uniform(1, 28));
            if (date < a.Str("from_date") || date >= until) continue;
            const double kind = c.rng.Unit();
            const std::string purpose = kind < 0.5 ? "contact" : kind < 0.75 ? "education" : "care";
            const std::string channel = purpose == "care"   ? "home_visit"
                                        : c.rng.Chance(0.4) ? "home_visit"
                                        : c.rng.Chance(0.5) ? "phone"
                                        : c.rng.Chance(0.6) ? "wechat"
                                                            : "event";
            std::string summary = purpose == "contact"     ? c.rng.Pick(kContacts)
                                  : purpose == "education" ? c.rng.Pick(kEducation)
                                                           : std::string("入户关爱帮扶");
            std::string care = purpose == "care" ? c.rng.Pick(kCare) : std::string();
            std::optional<int64_t> value;
            if (purpose == "care" && care == "送去节日慰问品") value = int64_t{100} * c.rng.Uniform(100, 500);
            c.conn.Exec(
                "INSERT INTO officer_contacts (household_id, resident_id, officer_resident_id, contacted_on, channel, "
                "purpose, summary, care_what, value_fen, helpers, street_id, community_id, grid_id, building_id, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.Int("household_id"), member, a.Int("officer_resident_id"), date, channel, purpose, summary, care,
                value, purpose == "care" ? c.rng.Pick(kHelpers) : std::string(), place->Int("street_id"),
                place->Int("community_id"), place->OptInt("grid_id"), place->OptInt("building_id"),
                time::DayStartUnix(date));
        }
    }
}

struct NeedRow {
    int64_t household = 0;
    std::string raised_on, kind, description, status;
    std::optional<std::string> handler, solved_on;
    std::optional<int64_t> linked;
    std::string outcome;
};

void InsertNeed(Ctx& c, const NeedRow& n) {
    if (n.raised_on < kStart) return;
    std::optional<int64_t> officer = OfficerOn(c, n.household, n.raised_on);
    if (!officer) return;
    auto h = c.conn.QueryOne("SELECT street_id, community_id, grid_id, building_id FROM households WHERE id = ?",
                             n.household);
    const int64_t at = time::DayStartUnix(n.raised_on);
    c.conn.Exec(
        "INSERT INTO committee_needs (household_id, resident_id, officer_resident_id, raised_on, kind, description, "
        "status, handler, linked_id, due_on, outcome, solved_on, street_id, community_id, grid_id, building_id, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        n.household, MemberOf(c, n.household), *officer, n.raised_on, n.kind, n.description, n.status, n.handler,
        n.linked, time::AddDays(n.raised_on, 14), n.outcome, n.solved_on, h->Int("street_id"), h->Int("community_id"),
        h->OptInt("grid_id"), h->OptInt("building_id"), at, at);
}

// Needs that became records of other platforms, and those the committee handled itself.
void Needs(Ctx& c, const std::vector<MinorityHousehold>& households) {
    // Disputes that became the rights centre's cases.
    for (const auto& r : c.conn.Query(R"sql(
SELECT k.id, k.title, k.registered_on, k.resolved_on, a.household_id FROM cases k
JOIN residents a ON a.id = k.applicant_resident_id
WHERE k.community_id = ? AND a.household_id IS NOT NULL AND a.ethnicity >= '02' AND a.ethnicity <= '56' ORDER BY k.id LIMIT 25)sql",
                                      c.community)) {
        NeedRow n{.household = r.Int("household_id"),
                  .raised_on = time::AddDays(r.Str("registered_on"), -c.rng.Uniform(1, 5)),
                  .kind = "dispute",
                  .description = "邻里反映：" + r.Str("title"),
                  .status = r.OptStr("resolved_on") ? "solved" : "referred",
                  .handler = std::string("rights_case"),
                  .solved_on = r.OptStr("resolved_on"),
                  .linked = r.Int("id"),
                  .outcome = r.OptStr("resolved_on") ? "经居民权益维护中心调解化解" : ""};
        InsertNeed(c, n);
    }
    // Hardship that the fund relieved.
    for (const auto& r : c.conn.Query(R"sql(
SELECT d.id, d.purpose, d.paid_on, d.household_id FROM charity_disbursements d
WHERE d.community_id = ? AND d.status = 'paid' AND d.household_id IN
  (SELECT household_id FROM residents WHERE ethnicity >= '02' AND ethnicity <= '56') ORDER BY d.id LIMIT 15)sql",
                                      c.community)) {
        InsertNeed(c, {.household = r.Int("household_id"),
                       .raised_on = time::AddDays(r.Str("paid_on"), -c.rng.Uniform(7, 20)),
                       .kind = "hardship",
                       .description = "家庭困难，申请帮扶：" + r.Str("purpose"),
                       .status = "solved",
                       .handler = std::string("fund_disbursement"),
                       .solved_on = r.Str("paid_on"),
                       .linked = r.Int("id"),
                       .outcome = "公益慈善基金救助已发放"});
    }
    // Help that neighbours gave through mutual aid.
    for (const auto& r : c.conn.Query(R"sql(
SELECT m.id, m.title, m.created_at, m.completed_on, x.household_id FROM mutual_aid m
JOIN residents x ON x.id = m.resident_id
WHERE m.community_id = ? AND m.kind = 'request' AND m.status = 'completed'
  AND x.household_id IS NOT NULL AND x.ethnicity >= '02' AND x.ethnicity <= '56' ORDER BY m.id LIMIT 10)sql",
                                      c.community)) {
        const std::string done = r.OptStr("completed_on").value_or("2021-06-30");
        InsertNeed(c, {.household = r.Int("household_id"),
                       .raised_on = time::AddDays(done, -c.rng.Uniform(3, 10)),
                       .kind = "health",
                       .description = "需要邻里帮助：" + r.Str("title"),
                       .status = "solved",
                       .handler = std::string("mutual_aid"),
                       .solved_on = done,
                       .linked = r.Int("id"),
                       .outcome = "邻里互助已完成"});
    }
    // Handled by the committee itself (a language barrier, a school place) or passed to the jobs
    // centre, and a few raised in December 2021 still in hand.
    static const std::vector<std::pair<std::string, std::string>> kOwn = {
        {"language", "老人不熟悉汉语，办理业务需要翻译"},
        {"school", "子女转学入读附近小学"},
        {"language", "看不懂社区通知，需要讲解"},
        {"school", "咨询幼儿园入园"},
        {"job", "希望找一份离家近的工作"},
    };
    for (int i = 0; i < 35 && !households.empty(); ++i) {
        const MinorityHousehold& h =
            households[static_cast<size_t>(c.rng.Uniform(0, static_cast<int>(households.size()) - 1))];
        const auto& [kind, text] = kOwn[static_cast<size_t>(i) % kOwn.size()];
        const bool late = i >= 31;
        std::string raised = late ? DateOf(2021, 12, c.rng.Uniform(1, 10))
                                  : DateOf(c.rng.Uniform(2019, 2021), c.rng.Uniform(6, 11), c.rng.Uniform(1, 28));
        if (h.until && raised >= *h.until) continue;
        NeedRow n{.household = h.id, .raised_on = raised, .kind = kind, .description = text};
        if (late) {
            n.status = i % 2 ? "open" : "referred";
            if (n.status == "referred") n.handler = kind == "job" ? "jobs" : "committee";
        } else {
            n.status = "solved";
            n.handler = kind == "job" ? "jobs" : "committee";
            n.solved_on = time::AddDays(raised, c.rng.Uniform(3, 12));
            n.outcome = kind == "job" ? "已推荐至民族就业创业平台并上岗" : "联络员协助办结";
        }
        InsertNeed(c, n);
    }
}

// Registered activities per year, with two declined and two withdrawn a year; `pending` proposals
// for January 2022 the committee has yet to decide.
void Activities(Ctx& c, int64_t proposer_user, const std::map<int, int>& registered, int pending) {
    static const std::vector<std::string> kTitles = {
        "锅庄舞邻里联欢", "藏族糌粑制作分享", "彝族火把节小聚", "民族美食百家宴", "羌绣手工互学",
        "民族歌曲大家唱", "邻里趣味运动会",   "民族服饰交流会", "亲子民族故事会", "重阳节敬老茶话会",
        "楼栋邻里坝坝宴", "民族乐器兴趣交流", "端午包粽子",     "中秋赏月联谊",   "广场舞交流"};
    static const std::vector<std::string> kPlaces = {"社区民族之家", "安公小区中心广场", "锦江苑活动室",
                                                     "华阳人家楼下坝子", "南湖花园凉亭"};
    auto organisers = AdultsPresent(c.conn, c.community, "ethnicity >= '02' AND ethnicity <= '56'");
    auto everyone = AdultsPresent(c.conn, c.community, "1 = 1");
    auto minority = organisers;
    auto add = [&](const std::string& date, const std::string& status, const std::string& note) {
        const int64_t organiser = c.rng.Pick(organisers);
        const int expected = c.rng.Uniform(8, 40);
        const int64_t at = time::DayStartUnix(date) - 86400 * c.rng.Uniform(5, 15);
        int64_t id = c.conn.Insert(
            "INSERT INTO selfhelp_activities (street_id, community_id, organiser_resident_id, title, description, "
            "place, held_on, expected, status, decision_note, decided_by, decided_at, proposed_by, created_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            c.street, c.community, organiser, c.rng.Pick(kTitles), std::string("居民自发组织，邻里自愿参加"),
            c.rng.Pick(kPlaces), date, int64_t{expected}, status, note,
            status == "proposed" ? std::optional<int64_t>() : std::optional<int64_t>(proposer_user),
            status == "proposed" ? std::optional<int64_t>() : std::optional<int64_t>(at + 86400),
            std::optional<int64_t>(), at);
        if (status != "registered") return;
        // Who came: the organiser, minority neighbours and Han neighbours.
        std::vector<int64_t> came{organiser};
        const int n = std::max(3, expected + c.rng.Uniform(-6, 6));
        for (int i = 1; i < n; ++i) came.push_back(c.rng.Chance(0.55) ? c.rng.Pick(minority) : c.rng.Pick(everyone));
        std::sort(came.begin(), came.end());
        came.erase(std::unique(came.begin(), came.end()), came.end());
        for (int64_t r : came)
            c.conn.Exec("INSERT INTO selfhelp_participants (activity_id, resident_id) VALUES (?, ?)", id, r);
    };
    for (const auto& [year, count] : registered) {
        for (int i = 0; i < count; ++i) {
            add(DateOf(year, 1 + (i * 12) / count, c.rng.Uniform(1, 28)), "registered", "");
        }
        for (int i = 0; i < 4; ++i) {
            add(DateOf(year, c.rng.Uniform(1, 12), c.rng.Uniform(1, 28)), i % 2 ? "declined" : "withdrawn",
                i % 2 ? "与社区既定活动时间冲突，建议改期" : "");
        }
    }
    for (int i = 0; i < pending; ++i) add(DateOf(2022, 1, 8 + i * 7), "proposed", "");
}

std::vector<int64_t> Officers(db::Connection& conn, int64_t community) {
    return IdsOf(conn.Query(R"sql(
SELECT x.resident_id FROM org_posts x JOIN organizations o ON o.id = x.organization_id
WHERE o.community_id = ? AND o.kind = 'unity_committee' AND x.post = 'liaison_officer' ORDER BY x.id)sql",
                            community));
}

// A photo (a generated card) of every tenth registered activity, as the organisers add them.
void ActivityPhotos(Ctx& c) {
    int n = 0;
    for (const auto& r : c.conn.Query("SELECT id, title, place, held_on FROM selfhelp_activities WHERE community_id = "
                                      "? AND status = 'registered' ORDER BY held_on, id",
                                      c.community)) {
        if (n++ % 10 != 0) continue;
        const std::string text = r.Str("title") + "\n" + r.Str("place") + " · " + r.Str("held_on");
        media::StorePhoto(c.conn, kActivityPhotos, {r.Int("id"), c.street, c.community},
                          media::Prepare(media::Card(800, 600, {30, 110, 100}, text)), r.Str("title"), std::nullopt,
                          time::DayStartUnix(r.Str("held_on")));
    }
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    // 安公社区: 2021's registered activities are the article's "nearly 100".
    Rng rng(w.model.seed + 13);
    Ctx c{w.conn, w.street, w.model.id, rng};
    auto households = MinorityHouseholds(c);
    Assign(c, households, Officers(w.conn, w.model.id));
    Log(c);
    Needs(c, households);
    Activities(c, w.User("angong"), {{2019, 38}, {2020, 52}, {2021, 97}}, 3);
    ActivityPhotos(c);
    // 南山社区: a committee formed in September 2020, lighter.
    Rng other_rng(w.other.seed + 13);
    Ctx other{w.conn, w.street, w.other.id, other_rng};
    auto other_households = MinorityHouseholds(other);
    for (auto& h : other_households) h.from = std::max(h.from, std::string("2020-09-01"));
    Assign(other, other_households, Officers(w.conn, w.other.id));
    Log(other);
    Needs(other, other_households);
    Activities(other, w.User("nanshan"), {{2021, 12}}, 1);
    ActivityPhotos(other);
}

}  // namespace tongxin::committee
