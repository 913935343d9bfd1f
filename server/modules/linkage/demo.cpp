// The linkage platform's demo: 安公社区民族发展联合会 with its partner organisations (the
// provincial Xinjiang and Tibet chambers of commerce among them) and their agreements, and the
// brand projects of 2019–2021 — 8 run in 2021, one more planned and one finished in 2020 — with
// the records they ran (the art week's events), contributions linked to the fund's donations
// and the volunteer ledger, and outcomes. An employer of the jobs platform is one of the partners.
#include "core/media/image.hpp"
#include "core/media/photos.hpp"
#include "core/time/clock.hpp"
#include "core/util/rng.hpp"
#include "modules/linkage/module.hpp"

namespace tongxin::linkage {

namespace {

struct PartnerSeed {
    const char* name;
    const char* kind;
    const char* signed_on;
    const char* ends_on;  // "" = open-ended
};

struct ProjectSeed {
    const char* name;
    const char* goals;
    const char* started_on;
    const char* ended_on;  // "" = still running
    const char* status;
    std::vector<int> partners;  // indexes into the partners
};

}  // namespace

void LoadDemo(DemoWorld& w) {
    util::Rng rng(w.model.seed + 23);
    db::Connection& c = w.conn;
    const int64_t community = w.model.id, street = w.street;
    const int64_t now = time::NowUnix();
    if (!c.QueryOne("SELECT id FROM organizations WHERE community_id = ? AND kind = 'federation'", community)) {
        c.Insert(
            "INSERT INTO organizations (kind, name, street_id, community_id, ethnic_work, founded_on, description, "
            "created_at, updated_at) VALUES ('federation', '安公社区民族发展联合会', ?, ?, 1, '2019-03-01', "
            "'联合辖区商会、企业和社会组织，共建民族团结品牌项目', ?, ?)",
            street, community, now, now);
    }
    static const std::vector<PartnerSeed> kPartners = {
        {"四川省新疆商会", "chamber_of_commerce", "2019-04-01", ""},
        {"四川省西藏商会", "chamber_of_commerce", "2019-06-01", "2022-05-31"},
        {"成都雪域电商有限公司", "enterprise", "2020-03-01", "2023-02-28"},
        {"天府新区民族餐饮协会", "social_organization", "2019-09-01", "2021-06-30"},
        {"华阳中学", "school", "2020-09-01", ""},
        {"华阳街道社区卫生服务中心", "hospital", "2019-05-01", ""},
        {"天府新区民族宗教事务局", "government", "2019-03-01", ""},
        {"蓉城青年志愿者协会", "social_organization", "2021-01-15", "2024-01-14"},
    };
    std::vector<int64_t> partners;
    for (const PartnerSeed& s : kPartners) {
        const int64_t org = c.Insert(
            "INSERT INTO organizations (kind, name, street_id, community_id, ethnic_work, founded_on, created_at, "
            "updated_at) VALUES ('partner', ?, ?, ?, 1, ?, ?, ?)",
            std::string(s.name), street, community, std::string(s.signed_on), now, now);
        const int64_t id = c.Insert(
            "INSERT INTO partners (organization_id, street_id, community_id, kind, contact, created_at) VALUES (?, ?, "
            "?, ?, '办公室', ?)",
            org, street, community, std::string(s.kind), now);
        const std::string ends = s.ends_on;
        c.Exec(
            "INSERT INTO partner_agreements (partner_id, community_id, title, signed_on, ends_on, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, '', ?)",
            id, community, std::string("民族团结共建协议"), std::string(s.signed_on),
            ends.empty() ? std::nullopt : std::optional<std::string>(ends), now);
        // The jobs platform's employer of the same name is this partner.
        c.Exec("UPDATE job_employers SET organization_id = ? WHERE community_id = ? AND name = ?", org, community,
               std::string(s.name));
        partners.push_back(id);
    }
    static const std::vector<ProjectSeed> kProjects = {
        {"我从新疆来特产店", "新疆籍居民创业经营，带动就业", "2019-06-01", "", "running", {0, 2}},
        {"社区民族文化艺术周", "每年十月集中展示各民族文化", "2019-10-01", "", "running", {0, 1, 6}},
        {"藏汉双语儿童绘本角", "为藏族家庭儿童提供双语阅读", "2020-05-01", "", "running", {1, 4}},
        {"民族美食节", "各民族家庭美食交流", "2019-09-01", "", "running", {3, 0}},
        {"石榴籽健康义诊", "为少数民族老人提供义诊和健康讲座", "2019-05-15", "", "running", {5, 7}},
        {"民族团结进步宣讲进校园", "民族团结进步故事进课堂", "2020-09-10", "", "running", {4, 6}},
        {"民族青年直播带货培训", "帮助少数民族青年掌握直播电商", "2021-03-01", "", "running", {2, 1}},
        {"民族手工艺市集", "羌绣、藏式手工艺品展销", "2021-04-01", "2021-11-30", "finished", {0, 1, 7}},
        {"民族团结主题徒步", "筹备中的社区徒步活动", "2022-03-01", "", "planned", {7}},
        {"民族服饰摄影展", "2020 年的摄影展", "2020-06-01", "2020-08-31", "finished", {1}},
    };
    std::vector<int64_t> projects;
    for (const ProjectSeed& s : kProjects) {
        const std::string ended = s.ended_on;
        const int64_t id = c.Insert(
            "INSERT INTO brand_projects (street_id, community_id, name, goals, started_on, ended_on, status, "
            "description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
            street, community, std::string(s.name), std::string(s.goals), std::string(s.started_on),
            ended.empty() ? std::nullopt : std::optional<std::string>(ended), std::string(s.status), now, now);
        for (int i : s.partners)
            c.Exec("INSERT INTO brand_project_partners (project_id, partner_id, role) VALUES (?, ?, ?)", id,
                   partners[static_cast<size_t>(i)], std::string(i == s.partners.front() ? "牵头单位" : "共建单位"));
        projects.push_back(id);
    }
    // The art week ran the series' events.
    for (const auto& r : c.Query("SELECT e.id FROM culture_events e JOIN culture_series s ON s.id = e.series_id WHERE "
                                 "e.community_id = ? AND s.name = '民族文化艺术周' ORDER BY e.id",
                                 community))
        c.Exec("INSERT INTO brand_project_links (project_id, kind, record_id) VALUES (?, 'culture_event', ?)",
               projects[1], r.Int("id"));
    // Money: donations from organisations in 2021, already in the fund's books, linked to projects.
    size_t at = 0;
    for (const auto& r : c.Query("SELECT id, donated_on FROM charity_donations WHERE community_id = ? AND donor_kind = "
                                 "'organization' AND donated_on >= '2021-01-01' ORDER BY id LIMIT 8",
                                 community)) {
        const size_t p = at++ % 8;
        c.Exec(
            "INSERT INTO brand_contributions (project_id, partner_id, community_id, kind, donation_id, what, on_date, "
            "created_at) VALUES (?, ?, ?, 'money', ?, '项目资金', ?, ?)",
            projects[p], partners[static_cast<size_t>(kProjects[p].partners.front())], community, r.Int("id"),
            r.Str("donated_on"), now);
    }
    // In kind, with its value.
    static const std::vector<std::pair<const char*, int64_t>> kGoods = {{"新疆干果礼盒 200 份", 1600000},
                                                                        {"双语绘本 300 册", 900000},
                                                                        {"义诊药品与器械", 1250000},
                                                                        {"直播设备一套", 680000},
                                                                        {"市集展位搭建", 450000}};
    const std::vector<size_t> goods_projects = {0, 2, 4, 6, 7};
    for (size_t i = 0; i < kGoods.size(); ++i) {
        const size_t p = goods_projects[i];
        c.Exec(
            "INSERT INTO brand_contributions (project_id, partner_id, community_id, kind, what, value_fen, on_date, "
            "created_at) VALUES (?, ?, ?, 'in_kind', ?, ?, ?, ?)",
            projects[p], partners[static_cast<size_t>(kProjects[p].partners.back())], community,
            std::string(kGoods[i].first), kGoods[i].second, util::DateOf(2021, rng.Uniform(3, 10), rng.Uniform(1, 28)),
            now);
    }
    // Volunteer hours served at the clinic and the art week: entries of the volunteer ledger.
    for (const auto& r :
         c.Query("SELECT id, served_on FROM volunteer_hours WHERE community_id = ? AND entry = 'record' "
                 "AND served_on >= '2021-10-01' AND served_on <= '2021-10-31' ORDER BY id LIMIT 12",
                 community)) {
        const size_t p = at++ % 2 == 0 ? 1 : 4;
        c.Exec(
            "INSERT INTO brand_contributions (project_id, partner_id, community_id, kind, volunteer_record_id, what, "
            "on_date, created_at) VALUES (?, ?, ?, 'volunteer_hours', ?, '志愿服务', ?, ?)",
            projects[p], partners[7], community, r.Int("id"), r.Str("served_on"), now);
    }
    // Photos of the outcomes of three projects (generated cards).
    for (size_t p : {size_t{0}, size_t{1}, size_t{4}}) {
        const std::string text = std::string(kProjects[p].name) + "\n安公社区民族发展联合会";
        media::StorePhoto(c, kProjectPhotos, {projects[p], street, community},
                          media::Prepare(media::Card(800, 600, {120, 50, 90}, text)), kProjects[p].name, std::nullopt,
                          time::DayStartUnix("2021-12-20"));
    }
    // Outcomes, each naming the figure its records show (the shop's and the live-streaming
    // training's partner employer took on residents; the art week's audience; the clinic's hours).
    struct OutcomeSeed {
        size_t project;
        const char* what;
        const char* measure;  // "" = an outcome told in words only
    };
    static const std::vector<OutcomeSeed> kOutcomes = {
        {0, "特产店合作企业吸纳居民就业", "placements"},   {1, "艺术周各场活动观众", "audience"},
        {2, "绘本角每周开放，藏族家庭儿童每周来读", ""},   {4, "义诊志愿服务时长", "volunteer_minutes"},
        {6, "直播带货合作企业吸纳青年就业", "placements"}, {7, "市集所得项目资金", "money_fen"}};
    for (const OutcomeSeed& o : kOutcomes) {
        const std::string measure = o.measure;
        c.Exec(
            "INSERT INTO brand_outcomes (project_id, on_date, what, figure, measure, created_at) VALUES (?, "
            "'2021-12-20', ?, '', ?, ?)",
            projects[o.project], std::string(o.what),
            measure.empty() ? std::nullopt : std::optional<std::string>(measure), now);
    }
}

}  // namespace tongxin::linkage
