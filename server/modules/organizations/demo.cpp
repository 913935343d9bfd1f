// Demo records of the self-governance line, the societies, the unity committee and the volunteer
// teams (organisations and their posts, meetings, events), and the party line's branch and groups.
#include <algorithm>
#include <stdexcept>
#include <utility>

#include "core/util/rng.hpp"
#include "modules/organizations/module.hpp"

namespace tongxin::organizations {
namespace {

using util::DateOf;
using util::Rng;
using util::Shuffle;

// The next `n` ids of `pool`.
std::vector<int64_t> Take(const std::vector<int64_t>& pool, size_t& next, size_t n) {
    if (next + n > pool.size()) throw std::runtime_error("demo: not enough residents to draw from");
    std::vector<int64_t> out(pool.begin() + static_cast<long>(next), pool.begin() + static_cast<long>(next + n));
    next += n;
    return out;
}

struct Ctx {
    db::Connection& conn;
    int64_t street;
    int64_t community;
    Rng& rng;

    int64_t Org(const std::string& kind, const std::string& name, bool ethnic_work, const std::string& founded,
                std::optional<int64_t> parent = std::nullopt, const std::string& description = "") {
        OrgInput in;
        in.kind = kind;
        in.name = name;
        in.parent_id = parent;
        in.community_id = community;
        in.ethnic_work = ethnic_work;
        in.founded_on = founded;
        in.description = description;
        return OrganizationService::Insert(conn, in, street);
    }
    void Post(int64_t org, int64_t resident, const std::string& post, const std::string& from,
              std::optional<std::string> to = std::nullopt) {
        OrganizationService::InsertPost(conn, org, {resident, post, from, std::move(to)}, street, community);
    }
};

// Quarterly deliberation meetings with resolutions whose follow-up moved on over time.
void Meetings(Ctx& c, int64_t council, const std::vector<int64_t>& members) {
    static const std::vector<std::pair<std::string, std::string>> kTopics = {
        {"小区电动车充电桩选址", "在3栋、7栋旁增设充电桩，物业负责施工"},
        {"民族文化广场使用时间安排", "每周二、四、六晚上开放给歌舞社团，其余时间开放给居民健身"},
        {"老旧电梯更换资金筹措", "申请维修基金并公示，业委会监督"},
        {"清真食品摊位进驻社区集市", "设立独立摊位区，统一卫生标准"},
        {"楼道堆物清理", "各楼栋长组织两周内完成清理"},
        {"少数民族节日联欢活动筹备", "由民族一家亲委员会牵头，社团负责节目"},
        {"停车位分配方案", "按先登记先分配，公示一周"},
        {"垃圾分类督导志愿者排班", "志愿者队伍每周排班，议事会监督"}};
    const char* kStatuses[] = {"done", "done", "done", "in_progress", "open", "dropped"};
    for (size_t i = 0; i < kTopics.size(); ++i) {
        int year = 2019 + static_cast<int>(i / 3);
        std::string held = DateOf(year, 3 + static_cast<int>(i % 3) * 3, 15);
        int64_t id = c.conn.Insert(
            "INSERT INTO deliberation_meetings (organization_id, street_id, community_id, held_on, "
            "place, agenda, created_at) VALUES (?, ?, ?, ?, '社区民族之家议事厅', ?, ?)",
            council, c.street, c.community, held, kTopics[i].first, int64_t{1609459200});
        for (int64_t m : members)
            if (c.rng.Chance(0.7))
                c.conn.Exec("INSERT INTO meeting_attendance (meeting_id, resident_id) VALUES (?, ?)", id, m);
        std::string status = i + 2 >= kTopics.size() ? "open" : kStatuses[c.rng.Uniform(0, 5)];
        c.conn.Exec(
            "INSERT INTO meeting_resolutions (meeting_id, content, owner, due_on, status, status_note, updated_at) "
            "VALUES (?, ?, '议事会', ?, ?, ?, ?)",
            id, kTopics[i].second, DateOf(year, 12, 31), status,
            status == "done" ? std::string("已落实") : std::string(), int64_t{1609459200});
    }
}

// Performances and events of the societies: 2019 and 2020 fewer (the epidemic), 2021 over a hundred.
void SocietyEvents(Ctx& c, const std::vector<int64_t>& societies) {
    static const std::vector<std::string> kTitles = {
        "民族团结进步文艺汇演", "社区邻里节演出", "锅庄舞广场展演", "重阳敬老慰问演出", "民族服饰展示", "新春联欢会",
        "端午民俗活动",         "国庆文艺晚会",   "彝族火把节联欢", "藏历新年联欢",     "公益义演",     "民族乐器教学"};
    static const std::vector<std::string> kPlaces = {"社区民族之家", "民族文化广场", "南湖公园", "华阳街道文化站"};
    const int per_year[] = {38, 24, 104};
    for (int y = 0; y < 3; ++y) {
        for (int i = 0; i < per_year[y]; ++i) {
            int64_t society = societies[static_cast<size_t>(i) % societies.size()];
            const std::string& title = c.rng.Pick(kTitles);
            std::string kind = title.find("义演") != std::string::npos   ? "charity"
                               : title.find("教学") != std::string::npos ? "training"
                                                                         : "performance";
            c.conn.Exec(
                "INSERT INTO events (organization_id, street_id, community_id, held_on, title, kind, place, audience, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                society, c.street, c.community, DateOf(2019 + y, 1 + i % 12, 1 + (i * 7) % 28), title, kind,
                c.rng.Pick(kPlaces), int64_t{c.rng.Uniform(30, 400)}, int64_t{1609459200});
        }
    }
}

// 安公社区's organisations for 2019–2021: the party branch and four ethnic-work party groups
// holding the 26 minority party members, self-governance posts, the unity committee's liaison
// officers, societies and volunteer teams. The backbones are distinct minority residents (not
// party members): self-governance posts (18), liaison officers (12) and society leaders (4);
// with the 4 party group leaders that makes 38.
void LoadModel(DemoWorld& w) {
    db::Connection& conn = w.conn;
    const int64_t street_id = w.street, community_id = w.model.id;
    Rng rng(w.model.seed);
    Ctx c{conn, street_id, community_id, rng};

    // Party: the branch, four ethnic-work groups holding the 26 minority party members, two others.
    int64_t branch = c.Org("party_branch", "安公社区党委", false, "2015-06-01");
    auto minority_party = AdultsPresent(conn, community_id,
                                        "ethnicity >= '02' AND ethnicity <= '56' AND political_status IN ('01', '02')");
    auto han_party = AdultsPresent(conn, community_id, "ethnicity = '01' AND political_status IN ('01', '02')");
    std::vector<int64_t> ethnic_groups;
    const char* kGroupNames[] = {"民族工作第一党小组", "民族工作第二党小组", "民族工作第三党小组",
                                 "民族工作第四党小组"};
    for (int g = 0; g < 4; ++g) {
        int64_t id =
            c.Org("party_group", kGroupNames[g], true, "2019-03-01", branch, "联系服务少数民族群众，开展一对一联络");
        ethnic_groups.push_back(id);
    }
    for (size_t i = 0; i < minority_party.size(); ++i) {
        c.Post(ethnic_groups[i % 4], minority_party[i], i < 4 ? "leader" : "member", "2019-03-01");
    }
    int64_t general_a = c.Org("party_group", "第一党小组", false, "2015-06-01", branch);
    int64_t general_b = c.Org("party_group", "第二党小组", false, "2015-06-01", branch);
    for (size_t i = 0; i < han_party.size(); ++i)
        c.Post(i % 2 ? general_a : general_b, han_party[i], "member", "2015-06-01");
    // A party group that was dissolved in 2020 is history, not a current ethnic-work group.
    OrgInput old;
    old.kind = "party_group";
    old.name = "流动党员党小组";
    old.community_id = community_id;
    old.ethnic_work = true;
    old.founded_on = "2017-01-01";
    old.dissolved_on = "2020-06-30";
    OrganizationService::Insert(conn, old, street_id);

    auto minority = AdultsPresent(conn, community_id,
                                  "ethnicity >= '02' AND ethnicity <= '56' AND political_status NOT IN ('01', '02')");
    auto han = AdultsPresent(conn, community_id, "ethnicity = '01' AND political_status NOT IN ('01', '02')");
    Shuffle(minority, rng);
    Shuffle(han, rng);
    size_t mi = 0, hi = 0;
    auto governance = Take(minority, mi, 18);
    auto officers = Take(minority, mi, 12);
    auto society_leaders = Take(minority, mi, 4);

    int64_t heads = c.Org("building_heads", "安公社区楼栋长队伍", false, "2018-01-01");
    int64_t council = c.Org("deliberation_council", "安公社区居民议事会", false, "2018-05-01");
    std::vector<int64_t> committees;
    for (const char* compound : {"安公小区", "锦江苑", "华阳人家", "南湖花园"}) {
        committees.push_back(c.Org("owners_committee", std::string(compound) + "业主委员会", false, "2019-01-01"));
    }
    for (size_t i = 0; i < governance.size(); ++i) {
        if (i < 8)
            c.Post(heads, governance[i], "building_head", DateOf(2019 + static_cast<int>(i % 3), 3, 1));
        else if (i < 14)
            c.Post(committees[i % 4], governance[i], i % 2 ? "committee_member" : "deputy", "2019-06-01");
        else
            c.Post(council, governance[i], "committee_member", "2020-01-01");
    }
    // Han post holders, and minority posts that ended in 2020 (visible as past, not counted).
    for (auto id : Take(han, hi, 30)) c.Post(heads, id, "building_head", "2019-03-01");
    for (size_t i = 0; i < 4; ++i) c.Post(committees[i], Take(han, hi, 1)[0], "leader", "2019-01-01");
    c.Post(council, Take(han, hi, 1)[0], "leader", "2018-05-01");
    for (auto id : Take(minority, mi, 3)) c.Post(heads, id, "building_head", "2019-03-01", std::string("2020-08-31"));
    Meetings(c, council, governance);

    // 民族一家亲委员会: 12 minority liaison officers, led by the community's party secretary.
    int64_t unity = c.Org("unity_committee", "安公社区民族一家亲委员会", false, "2019-05-01");
    c.Post(unity, han_party.front(), "leader", "2019-05-01");
    for (auto id : officers) c.Post(unity, id, "liaison_officer", "2019-05-01");
    w.people["officer"] = officers[2];  // the demo ethnic liaison officer's account

    // Societies: 11 song, dance and instrument clubs with 355 distinct members.
    const char* kSocieties[] = {"锅庄舞蹈队",   "彝族歌舞队",   "羌笛艺术团",     "藏族弦子队",
                                "民族合唱团",   "葫芦丝乐团",   "民族服饰展示队", "回族花儿演唱队",
                                "土家摆手舞队", "民族健身操队", "月琴乐队"};
    std::vector<int64_t> societies;
    for (const char* name : kSocieties) societies.push_back(c.Org("society", name, false, "2019-04-01"));
    for (size_t i = 0; i < societies.size(); ++i) {
        c.Post(societies[i], i < 4 ? society_leaders[i] : Take(han, hi, 1)[0], "leader", "2019-04-01");
    }
    std::vector<int64_t> everyone = AdultsPresent(conn, community_id, "political_status NOT IN ('01', '02')");
    std::vector<int64_t> taken(governance);
    taken.insert(taken.end(), officers.begin(), officers.end());
    taken.insert(taken.end(), society_leaders.begin(), society_leaders.end());
    std::sort(taken.begin(), taken.end());
    std::vector<int64_t> pool;
    for (auto id : everyone) {
        bool leader = false;
        for (auto s : societies)
            if (conn.QueryInt("SELECT count(*) FROM org_posts WHERE organization_id = ? AND resident_id = ?", s, id))
                leader = true;
        if (!leader && !std::binary_search(taken.begin(), taken.end(), id)) pool.push_back(id);
    }
    Shuffle(pool, rng);
    size_t pi = 0;
    auto members = Take(pool, pi, 355 - societies.size());
    for (size_t i = 0; i < members.size(); ++i) {
        c.Post(societies[i % societies.size()], members[i], "member",
               DateOf(2019 + static_cast<int>(i % 3), 4 + static_cast<int>(i % 8), 1));
        if (i % 12 == 0) c.Post(societies[(i + 5) % societies.size()], members[i], "member", "2020-09-01");
    }

    SocietyEvents(c, societies);

    // Volunteer teams led by liaison officers already counted above (their activities and hours:
    // volunteer/demo.cpp).
    int64_t team = c.Org("volunteer_team", "安公少数民族志愿者队伍", false, "2019-05-01");
    int64_t mutual = c.Org("volunteer_team", "联谊互助队", false, "2019-08-01");
    c.Post(team, officers[0], "leader", "2019-05-01");
    c.Post(mutual, officers[1], "leader", "2019-08-01");
    w.people["vlead"] = officers[0];
}

// A lighter set for 南山社区: a party group, building heads, two volunteer teams, and a unity
// committee with three minority liaison officers.
void LoadOther(DemoWorld& w) {
    db::Connection& conn = w.conn;
    const int64_t street_id = w.street, community_id = w.other.id;
    Rng rng(w.other.seed);
    Ctx c{conn, street_id, community_id, rng};
    int64_t branch = c.Org("party_branch", "南山社区党委", false, "2016-03-01");
    int64_t group = c.Org("party_group", "民族工作党小组", true, "2020-01-01", branch);
    auto party = AdultsPresent(conn, community_id, "political_status IN ('01', '02')");
    for (size_t i = 0; i < party.size(); ++i) c.Post(group, party[i], i == 0 ? "leader" : "member", "2020-01-01");
    int64_t heads = c.Org("building_heads", "南山社区楼栋长队伍", false, "2018-01-01");
    auto adults = AdultsPresent(conn, community_id, "political_status NOT IN ('01', '02')");
    Shuffle(adults, rng);
    for (size_t i = 0; i < 15 && i < adults.size(); ++i) c.Post(heads, adults[i], "building_head", "2019-03-01");
    c.Org("volunteer_team", "南山社区志愿服务队", false, "2020-03-01");
    c.Org("volunteer_team", "南山邻里互助队", false, "2020-06-01");
    int64_t unity = c.Org("unity_committee", "南山社区民族一家亲委员会", false, "2020-09-01");
    size_t taken = 0;
    for (size_t i = 15; i < adults.size() && taken < 3; ++i) {
        const std::string ethnicity = conn.QueryOne("SELECT ethnicity FROM residents WHERE id = ?", adults[i])->Str(0);
        if (ethnicity == "01") continue;
        c.Post(unity, adults[i], "liaison_officer", "2020-09-01");
        ++taken;
    }
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    LoadModel(w);
    LoadOther(w);
}

}  // namespace tongxin::organizations
