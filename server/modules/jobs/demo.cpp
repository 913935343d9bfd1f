// The employment platform's demo: 安公社区's seekers 2019–2021 and their paths. In 2021, 64
// minority residents are placed (most still employed at 6 months), 27 obtain a verified
// certificate and 27 register a business with a valid 统一社会信用代码 — among them the three
// incubated brands 民族云创, 羌秀工坊 and 梦想直播间. Needs referred to the jobs platform by the
// liaison officers become registrations linked both ways. The trainings, postings and incubated
// projects are the records behind those steps. 南山社区 gets a handful.
#include <algorithm>
#include <map>

#include "core/text/credit_code.hpp"
#include "core/time/clock.hpp"
#include "core/util/rng.hpp"
#include "modules/jobs/module.hpp"
#include "modules/jobs/rules.hpp"

namespace tongxin::jobs {

namespace {

using util::DateOf;
using util::Rng;

struct Ctx {
    db::Connection& conn;
    int64_t street;
    int64_t community;
    Rng& rng;
};

struct Place {
    int64_t street = 0, community = 0;
    std::optional<int64_t> grid, building;
};

Place PlaceOf(db::Connection& conn, int64_t resident) {
    auto r =
        conn.QueryOne("SELECT street_id, community_id, grid_id, building_id FROM residents WHERE id = ?", resident);
    return {r->Int("street_id"), r->Int("community_id"), r->OptInt("grid_id"), r->OptInt("building_id")};
}

const std::vector<std::string> kSkills = {"餐饮服务", "手工刺绣", "汽车驾驶", "电商运营", "家政服务",
                                          "保安",     "美发",     "民族歌舞", "直播带货", "仓储物流"};
const std::vector<std::string> kLanguages = {"普通话,藏语",     "普通话,彝语", "普通话,羌语",
                                             "普通话,维吾尔语", "普通话",      "普通话,四川话"};
const std::vector<std::string> kEducations = {"junior", "senior", "vocational", "college", "bachelor"};
const std::vector<std::string> kHelpers = {"就业创业中心 刘老师", "社区社工 何静", "民族联络员", "商会志愿者"};

int64_t AddSeeker(Ctx& c, int64_t resident, const std::string& on, const std::string& source,
                  std::optional<int64_t> need) {
    const Place p = PlaceOf(c.conn, resident);
    const int64_t now = time::DayStartUnix(on);
    std::string languages = c.rng.Pick(kLanguages);
    const int64_t id = c.conn.Insert(
        "INSERT INTO job_seekers (resident_id, street_id, community_id, grid_id, building_id, registered_on, source, "
        "need_id, skills, education, languages, wishes, availability, constraints, consent_to_share, status, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
        resident, p.street, p.community, p.grid, p.building, on, source, need, c.rng.Pick(kSkills),
        c.rng.Pick(kEducations), languages, std::string("天府新区内，全职"),
        std::string(c.rng.Chance(0.7) ? "工作日" : "随时"),
        std::string(c.rng.Chance(0.25) ? "需接送孩子，16:30 前下班" : ""), c.rng.Chance(0.8), now, now);
    InsertStep(c.conn, id, p.community, "registered", on, source == "self" ? "本人登记" : c.rng.Pick(kHelpers), "",
               std::nullopt);
    return id;
}

std::string CreditCode(Rng& rng, bool company) {
    static const std::string kSet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    std::string code = company ? "91" : "92";
    code += "510116";  // the division code
    for (int i = 0; i < 9; ++i) code += kSet[static_cast<size_t>(rng.Uniform(0, 30))];
    code += *text::CreditCodeCheckChar(code);
    return code;
}

// One year of seekers: `registered` minority residents and `han` others, of whom `placed` are
// placed (with a path through training), `businesses` register a business and `certified` get a
// verified certificate (all counts among the minority residents).
struct YearPlan {
    int year, registered, han, placed, businesses, certified;
};

void AddYear(Ctx& c, const YearPlan& plan, std::vector<int64_t>& minority, std::vector<int64_t>& others,
             const std::vector<int64_t>& employers, const std::vector<std::string>& brands) {
    auto date = [&](int from_month, int to_month) {
        return DateOf(plan.year, c.rng.Uniform(from_month, to_month), c.rng.Uniform(1, 28));
    };
    std::vector<std::pair<int64_t, std::string>> seekers;  // id, registered on (minority only)
    for (int i = 0; i < plan.registered && !minority.empty(); ++i) {
        const int64_t resident = minority.back();
        minority.pop_back();
        const std::string on = date(1, 4);
        seekers.push_back({AddSeeker(c, resident, on, c.rng.Chance(0.3) ? "self" : "centre", std::nullopt), on});
    }
    for (int i = 0; i < plan.han && !others.empty(); ++i) {
        const int64_t resident = others.back();
        others.pop_back();
        const int64_t id = AddSeeker(c, resident, date(1, 10), "centre", std::nullopt);
        if (i % 2 == 0) {  // placed too: not counted, being Han
            const std::string started = date(11, 12);
            const int64_t placement = c.conn.Insert(
                "INSERT INTO job_placements (seeker_id, employer_id, street_id, community_id, position, started_on, "
                "wage_fen, helper, created_at) VALUES (?, ?, ?, ?, '仓储分拣员', ?, 420000, '', ?)",
                id, c.rng.Pick(employers), c.street, c.community, started, time::NowUnix());
            InsertStep(c.conn, id, c.community, "placed", started, "", "仓储分拣员", std::nullopt, placement);
            c.conn.Exec("UPDATE job_seekers SET status = 'placed' WHERE id = ?", id);
        }
    }
    size_t next = 0;
    auto step = [&](int64_t seeker, const char* what, const std::string& on) {
        InsertStep(c.conn, seeker, c.community, what, on, c.rng.Pick(kHelpers), "", std::nullopt);
    };
    static const std::vector<std::string> kPositions = {"酒店服务员", "收银员",   "民族餐厅厨师", "家政服务员",
                                                        "网店客服",   "物业保安", "快递员",       "幼儿园保育员"};
    static const std::vector<std::string> kCertificates = {
        "社会工作者职业水平证书", "育婴员职业技能等级证书", "企业人力资源管理师", "中式烹调师", "保育师", "电子商务师"};
    // Certificates from the training: verified by the centre.
    for (int i = 0; i < plan.certified && next + static_cast<size_t>(i) < seekers.size(); ++i) {
        const auto& [seeker, on] = seekers[next + static_cast<size_t>(i)];
        const std::string trained = DateOf(plan.year, 5, c.rng.Uniform(1, 28));
        step(seeker, "trained", trained);
        const int64_t resident = c.conn.QueryOne("SELECT resident_id FROM job_seekers WHERE id = ?", seeker)->Int(0);
        char number[32];
        std::snprintf(number, sizeof number, "%d51%06d", plan.year, 1000 + static_cast<int>(seeker));
        const std::string issued = DateOf(plan.year, 6, c.rng.Uniform(1, 28));
        c.conn.Exec(
            "INSERT INTO job_certificates (resident_id, seeker_id, street_id, community_id, kind, number, issuer, "
            "issued_on, verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            resident, seeker, c.street, c.community, c.rng.Pick(kCertificates), std::string(number),
            std::string("四川省职业技能鉴定指导中心"), issued, time::DayStartUnix(issued) + 86400,
            time::DayStartUnix(issued));
    }
    // Placements: training, practical training and sometimes an internship first; follow-ups.
    for (int i = 0; i < plan.placed && next < seekers.size(); ++i, ++next) {
        const auto& [seeker, on] = seekers[next];
        if (i >= plan.certified) step(seeker, "trained", DateOf(plan.year, 5, c.rng.Uniform(1, 28)));
        step(seeker, "practical_training", DateOf(plan.year, 6, c.rng.Uniform(1, 28)));
        if (c.rng.Chance(0.4)) step(seeker, "internship", DateOf(plan.year, 7, c.rng.Uniform(1, 28)));
        const std::string started = date(8, 12);
        const std::string position = c.rng.Pick(kPositions);
        const int64_t placement = c.conn.Insert(
            "INSERT INTO job_placements (seeker_id, employer_id, street_id, community_id, position, started_on, "
            "wage_fen, helper, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            seeker, c.rng.Pick(employers), c.street, c.community, position, started, c.rng.Uniform(3500, 6500) * 100,
            c.rng.Pick(kHelpers), time::DayStartUnix(started));
        InsertStep(c.conn, seeker, c.community, "placed", started, c.rng.Pick(kHelpers), position, std::nullopt,
                   placement);
        c.conn.Exec("UPDATE job_seekers SET status = 'placed' WHERE id = ?", seeker);
        const bool kept3 = c.rng.Chance(0.95), kept6 = kept3 && c.rng.Chance(0.9);
        c.conn.Exec(
            "INSERT INTO job_followups (placement_id, months, checked_on, employed, note, created_at) VALUES (?, 3, ?, "
            "?, ?, ?)",
            placement, time::AddDays(started, 92), kept3, std::string(kept3 ? "在岗" : "已离职"), time::NowUnix());
        c.conn.Exec(
            "INSERT INTO job_followups (placement_id, months, checked_on, employed, note, created_at) VALUES (?, 6, ?, "
            "?, ?, ?)",
            placement, time::AddDays(started, 184), kept6, std::string(kept6 ? "在岗" : "已离职"), time::NowUnix());
    }
    // Businesses: incubation, then a company or a 个体工商户.
    static const std::vector<std::string> kShops = {"民族特色餐馆", "牦牛肉干专卖", "羌绣工作室", "民族服饰店",
                                                    "新疆干果铺",   "藏香茶饮",     "电商小店",   "民族手工坊"};
    for (int i = 0; i < plan.businesses && next < seekers.size(); ++i, ++next) {
        const auto& [seeker, on] = seekers[next];
        step(seeker, "incubation", DateOf(plan.year, 5, c.rng.Uniform(1, 28)));
        const bool company = i < static_cast<int>(brands.size()) || c.rng.Chance(0.2);
        const std::string brand = i < static_cast<int>(brands.size()) ? brands[static_cast<size_t>(i)] : "";
        const int64_t resident = c.conn.QueryOne("SELECT resident_id FROM job_seekers WHERE id = ?", seeker)->Int(0);
        const std::string name =
            brand.empty()
                ? c.conn.QueryOne("SELECT name FROM residents WHERE id = ?", resident)->Str(0) + c.rng.Pick(kShops)
                : "成都" + brand + "文化传播有限公司";
        const std::string registered = date(7, 12);
        const int64_t business = c.conn.Insert(
            "INSERT INTO job_businesses (resident_id, seeker_id, street_id, community_id, name, kind, credit_code, "
            "registered_on, brand, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            resident, seeker, c.street, c.community, name, std::string(company ? "company" : "individual"),
            CreditCode(c.rng, company), registered, brand, time::DayStartUnix(registered),
            time::DayStartUnix(registered));
        InsertStep(c.conn, seeker, c.community, "business_registered", registered, c.rng.Pick(kHelpers), name,
                   std::nullopt, std::nullopt, business);
        c.conn.Exec("UPDATE job_seekers SET status = 'business' WHERE id = ?", seeker);
    }
    // The rest are still looking; some had training.
    for (; next < seekers.size(); ++next)
        if (c.rng.Chance(0.4)) step(seekers[next].first, "trained", DateOf(plan.year, 9, c.rng.Uniform(1, 28)));
}

std::vector<int64_t> Employers(Ctx& c) {
    static const std::vector<std::string> kNames = {"天府新区华阳酒店",     "安公社区便民超市", "蓉城民族餐饮有限公司",
                                                    "华阳物业服务有限公司", "天府家政服务中心", "成都雪域电商有限公司",
                                                    "华阳第二幼儿园",       "顺达快递华阳站",   "锦江宾馆华阳分店",
                                                    "天府新区仓储物流园"};
    std::vector<int64_t> out;
    out.reserve(kNames.size());
    for (const std::string& name : kNames)
        out.push_back(c.conn.Insert(
            "INSERT INTO job_employers (street_id, community_id, name, contact, created_at) VALUES (?, ?, ?, ?, ?)",
            c.street, c.community, name, std::string("人事部"), time::NowUnix()));
    return out;
}

// The year's trainings behind its `trained` and `practical_training` steps: the seekers who took
// a step in the same month took one course together, whose four sessions ran the month before;
// they attended every session and completed on the step's date. A few seekers still looking
// enrolled in the autumn course, came to two sessions and have not completed.
void AddTrainings(Ctx& c, int year) {
    struct Course {
        const char *step, *kind, *course, *provider, *paid_by;
        int64_t cost_fen;
    };
    static const std::vector<Course> kCourses = {
        {"trained", "employment", "民族居民就业技能培训", "天府新区就业服务中心", "government", 1200000},
        {"practical_training", "practical", "岗前实训（酒店与餐饮服务）", "天府新区华阳酒店", "employer", 480000}};
    std::vector<int64_t> trained_in_sept;
    for (const Course& course : kCourses) {
        std::map<int, std::vector<std::pair<int64_t, std::pair<int64_t, std::string>>>> by_month;  // step, seeker, date
        for (const auto& r : c.conn.Query(
                 "SELECT s.id, s.seeker_id, s.on_date FROM job_steps s WHERE s.community_id = ? AND s.step = ? "
                 "AND s.on_date >= ? AND s.on_date <= ? AND s.training_id IS NULL ORDER BY s.on_date, s.id",
                 c.community, std::string(course.step), DateOf(year, 1, 1), DateOf(year, 12, 31)))
            by_month[std::stoi(r.Str("on_date").substr(5, 2))].push_back(
                {r.Int("id"), {r.Int("seeker_id"), r.Str("on_date")}});
        for (const auto& [month, steps] : by_month) {
            if (month < 2) continue;
            const std::string starts = DateOf(year, month - 1, 1);
            std::string ends = starts;
            for (const auto& st : steps) ends = std::max(ends, st.second.second);
            const int64_t training = c.conn.Insert(
                "INSERT INTO job_trainings (street_id, community_id, course, kind, provider, starts_on, ends_on, "
                "cost_fen, paid_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.street, c.community, std::string(course.course) + (month >= 9 ? "（秋季班）" : "（春季班）"),
                std::string(course.kind), std::string(course.provider), starts, ends, course.cost_fen,
                std::string(course.paid_by), time::DayStartUnix(starts));
            std::vector<int64_t> sessions;
            sessions.reserve(4);
            static const std::vector<std::string> kTopics = {"职业素养与劳动权益", "岗位技能实操", "普通话与沟通",
                                                             "模拟面试"};
            for (int i = 0; i < 4; ++i)
                sessions.push_back(c.conn.Insert(
                    "INSERT INTO job_training_sessions (training_id, held_on, topic, created_at) VALUES (?, ?, ?, ?)",
                    training, DateOf(year, month - 1, 5 + 7 * i), kTopics[static_cast<size_t>(i)],
                    time::DayStartUnix(starts)));
            for (const auto& [step, who] : steps) {
                const auto& [seeker, on] = who;
                c.conn.Exec(
                    "INSERT INTO job_training_enrolments (training_id, seeker_id, enrolled_on, completed_on, step_id, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    training, seeker, starts, on, step, time::DayStartUnix(starts));
                for (int64_t session : sessions)
                    c.conn.Exec("INSERT INTO job_training_attendance (session_id, seeker_id) VALUES (?, ?)", session,
                                seeker);
                c.conn.Exec("UPDATE job_steps SET training_id = ?, note = ? WHERE id = ?", training,
                            std::string(course.course), step);
            }
            if (month == 9) {
                for (const auto& r :
                     c.conn.Query("SELECT o.id FROM job_seekers o WHERE o.community_id = ? AND o.status = 'active' AND "
                                  "o.registered_on < ? AND NOT EXISTS (SELECT 1 FROM job_training_enrolments e WHERE "
                                  "e.seeker_id = o.id) ORDER BY o.id LIMIT 3",
                                  c.community, starts)) {
                    c.conn.Exec(
                        "INSERT INTO job_training_enrolments (training_id, seeker_id, enrolled_on, created_at) VALUES "
                        "(?, ?, ?, ?)",
                        training, r.Int("id"), starts, time::DayStartUnix(starts));
                    for (size_t i = 0; i < 2; ++i)
                        c.conn.Exec("INSERT INTO job_training_attendance (session_id, seeker_id) VALUES (?, ?)",
                                    sessions[i], r.Int("id"));
                }
            }
        }
    }
}

// Postings behind the year's placements: each employer posted its positions a month before the
// first start; the placed seekers were matched, consented, shared and hired. One posting per
// employer is open now, with seekers proposed (some still to be asked).
void AddPostings(Ctx& c, int year) {
    static const std::map<std::string, std::string> kSkillsFor = {
        {"酒店服务员", "餐饮服务,家政服务"}, {"收银员", "餐饮服务,电商运营"},   {"民族餐厅厨师", "餐饮服务"},
        {"家政服务员", "家政服务"},          {"网店客服", "电商运营,直播带货"}, {"物业保安", "保安"},
        {"快递员", "汽车驾驶,仓储物流"},     {"幼儿园保育员", "家政服务"},      {"仓储分拣员", "仓储物流"}};
    for (const auto& e : c.conn.Query(
             "SELECT p.employer_id, p.position, min(p.started_on) AS first_start, count(*) AS people, min(p.wage_fen) "
             "AS low, max(p.wage_fen) AS high FROM job_placements p WHERE p.community_id = ? AND p.started_on >= ? AND "
             "p.started_on <= ? GROUP BY p.employer_id, p.position ORDER BY p.employer_id, p.position",
             c.community, DateOf(year, 1, 1), DateOf(year, 12, 31))) {
        const std::string posted = time::AddDays(e.Str("first_start"), -30);
        const std::string position = e.Str("position");
        const auto skills = kSkillsFor.count(position) ? kSkillsFor.at(position) : std::string("餐饮服务");
        const int64_t posting = c.conn.Insert(
            "INSERT INTO job_postings (employer_id, street_id, community_id, title, requirements, skills, "
            "wage_min_fen, wage_max_fen, places, posted_on, closes_on, status, created_at, updated_at) VALUES (?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, 'closed', ?, ?)",
            e.Int("employer_id"), c.street, c.community, position, std::string("身体健康，能适应轮班；有相关经验优先"),
            skills, e.OptInt("low"), e.OptInt("high"), e.Int("people") + 1, posted, DateOf(year, 12, 31),
            time::DayStartUnix(posted), time::DayStartUnix(posted));
        for (const auto& p : c.conn.Query(
                 "SELECT p.id, p.seeker_id, p.started_on, s.consent_to_share FROM job_placements p JOIN job_seekers s "
                 "ON s.id = p.seeker_id WHERE p.community_id = ? AND p.employer_id = ? AND p.position = ? AND "
                 "p.started_on >= ? AND p.started_on <= ? ORDER BY p.id",
                 c.community, e.Int("employer_id"), position, DateOf(year, 1, 1), DateOf(year, 12, 31))) {
            const int64_t asked = time::DayStartUnix(time::AddDays(p.Str("started_on"), -14));
            c.conn.Exec(
                "INSERT INTO job_matches (posting_id, seeker_id, community_id, score, status, consent_by, consent_how, "
                "consent_at, shared_at, placement_id, created_at) VALUES (?, ?, ?, 2, 'hired', ?, ?, ?, ?, ?, ?)",
                posting, p.Int("seeker_id"), c.community,
                std::string(p.Bool("consent_to_share") ? "registration" : "worker"),
                std::string(p.Bool("consent_to_share") ? "" : "电话确认"), asked, asked + 86400, p.Int("id"), asked);
        }
    }
}

void AddOpenPostings(Ctx& c) {
    const std::string posted = time::AddDays(time::Today(), -10);
    const auto employers =
        c.conn.Query("SELECT id, name FROM job_employers WHERE community_id = ? ORDER BY id LIMIT 2", c.community);
    static const std::vector<std::pair<std::string, std::string>> kOpen = {{"民族餐厅服务员", "餐饮服务,民族歌舞"},
                                                                           {"电商主播助理", "直播带货,电商运营"}};
    for (size_t i = 0; i < employers.size() && i < kOpen.size(); ++i) {
        const int64_t posting = c.conn.Insert(
            "INSERT INTO job_postings (employer_id, street_id, community_id, title, requirements, skills, "
            "wage_min_fen, wage_max_fen, places, posted_on, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
            "400000, 600000, 3, ?, 'open', ?, ?)",
            employers[i].Int("id"), c.street, c.community, kOpen[i].first, std::string("可接受周末排班"),
            kOpen[i].second, posted, time::NowUnix(), time::NowUnix());
        for (const auto& s : c.conn.Query(
                 "SELECT id, consent_to_share FROM job_seekers WHERE community_id = ? AND status = 'active' AND "
                 "skills = ? ORDER BY id LIMIT 3",
                 c.community, SplitList(kOpen[i].second).front())) {
            const bool standing = s.Bool("consent_to_share");
            c.conn.Exec(
                "INSERT INTO job_matches (posting_id, seeker_id, community_id, score, status, consent_by, consent_at, "
                "created_at) VALUES (?, ?, ?, 2, ?, ?, ?, ?)",
                posting, s.Int("id"), c.community, std::string(standing ? "consented" : "proposed"),
                standing ? std::optional<std::string>("registration") : std::nullopt,
                standing ? std::optional<int64_t>(time::NowUnix()) : std::nullopt, time::NowUnix());
        }
    }
}

// The incubated brands: the founder's project from their incubation step to the business they
// registered, with mentors from the chambers of commerce and the milestones on the way.
void AddIncubations(Ctx& c) {
    static const std::vector<std::pair<std::string, std::string>> kMentors = {
        {"王建国", "企业经营与财务"}, {"扎西次仁", "民族手工艺品设计"}, {"李梅", "电商与直播运营"}};
    static const std::vector<std::string> kMilestones = {"完成创业计划书", "入驻孵化基地工位", "完成工商登记",
                                                         "首批产品上线销售"};
    for (const auto& b : c.conn.Query(
             "SELECT b.id, b.seeker_id, b.brand, b.registered_on, (SELECT min(s.on_date) FROM job_steps s WHERE "
             "s.seeker_id = b.seeker_id AND s.step = 'incubation') AS started FROM job_businesses b WHERE "
             "b.community_id = ? AND b.brand <> '' ORDER BY b.id",
             c.community)) {
        const std::string started = b.Str("started"), registered = b.Str("registered_on");
        const int64_t id = c.conn.Insert(
            "INSERT INTO job_incubations (street_id, community_id, name, brand, summary, started_on, status, ended_on, "
            "business_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'graduated', ?, ?, ?, ?)",
            c.street, c.community, b.Str("brand") + "孵化项目", b.Str("brand"),
            std::string("依托社区民族就业创业平台孵化的少数民族居民创业品牌"), started, registered, b.Int("id"),
            time::DayStartUnix(started), time::DayStartUnix(registered));
        c.conn.Exec("INSERT INTO job_incubation_founders (incubation_id, seeker_id) VALUES (?, ?)", id,
                    b.Int("seeker_id"));
        for (size_t i = 0; i < 2; ++i) {
            const auto& [name, expertise] = kMentors[(static_cast<size_t>(id) + i) % kMentors.size()];
            c.conn.Exec(
                "INSERT INTO job_incubation_mentors (incubation_id, name, expertise, created_at) VALUES (?, ?, ?, ?)",
                id, name, expertise, time::DayStartUnix(started));
        }
        const int64_t span = (time::DayStartUnix(registered) - time::DayStartUnix(started)) / 86400;
        for (size_t i = 0; i < kMilestones.size(); ++i) {
            const std::string due = time::AddDays(started, static_cast<int>(span * static_cast<int64_t>(i + 1) / 4));
            const bool after_registration = i + 1 == kMilestones.size();
            const std::string done = after_registration ? time::AddDays(registered, 20) : due;
            c.conn.Exec(
                "INSERT INTO job_incubation_milestones (incubation_id, title, due_on, done_on, evidence, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                id, kMilestones[i], due, done,
                std::string(i == 2 ? "营业执照（统一社会信用代码见企业记录）" : "孵化基地台账"),
                time::DayStartUnix(started));
        }
    }
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    Rng rng(w.model.seed + 19);
    Ctx c{w.conn, w.street, w.model.id, rng};
    auto minority =
        AdultsPresent(w.conn, w.model.id, "ethnicity >= '02' AND ethnicity <= '56' AND birth_date >= '1966-01-01'");
    auto others = AdultsPresent(w.conn, w.model.id, "ethnicity = '01' AND birth_date >= '1966-01-01'");
    util::Shuffle(minority, rng);
    util::Shuffle(others, rng);
    // Needs the liaison officers referred to the jobs platform become registrations.
    for (const auto& n : w.conn.Query(
             "SELECT v.id, v.resident_id, v.raised_on FROM committee_needs v WHERE v.community_id = ? AND v.handler = "
             "'jobs' AND v.resident_id IS NOT NULL ORDER BY v.id",
             w.model.id)) {
        const int64_t resident = n.Int("resident_id");
        if (w.conn.QueryInt("SELECT count(*) FROM job_seekers WHERE resident_id = ?", resident)) continue;
        const std::string on = time::AddDays(n.Str("raised_on"), 3);
        if (on > time::Today()) continue;
        const int64_t seeker = AddSeeker(c, resident, on, "committee", n.Int("id"));
        w.conn.Exec("UPDATE committee_needs SET linked_id = ? WHERE id = ?", seeker, n.Int("id"));
        std::erase(minority, resident);
        std::erase(others, resident);
    }
    const auto employers = Employers(c);
    AddYear(c, {2019, 20, 3, 10, 3, 4}, minority, others, employers, {});
    AddYear(c, {2020, 30, 4, 18, 6, 8}, minority, others, employers, {});
    AddYear(c, {2021, 120, 10, 64, 27, 27}, minority, others, employers, {"民族云创", "羌秀工坊", "梦想直播间"});
    for (int year : {2019, 2020, 2021}) {
        AddTrainings(c, year);
        AddPostings(c, year);
    }
    AddIncubations(c);
    AddOpenPostings(c);

    Rng other_rng(w.other.seed + 19);
    Ctx other{w.conn, w.street, w.other.id, other_rng};
    auto other_minority =
        AdultsPresent(w.conn, w.other.id, "ethnicity >= '02' AND ethnicity <= '56' AND birth_date >= '1966-01-01'");
    auto other_han = AdultsPresent(w.conn, w.other.id, "ethnicity = '01' AND birth_date >= '1966-01-01'");
    util::Shuffle(other_minority, other_rng);
    AddYear(other, {2021, 12, 2, 5, 2, 3}, other_minority, other_han, Employers(other), {"雪域茶语"});
    AddTrainings(other, 2021);
    AddPostings(other, 2021);
    AddIncubations(other);
    AddOpenPostings(other);
}

}  // namespace tongxin::jobs
