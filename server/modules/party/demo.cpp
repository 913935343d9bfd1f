// Demo records of the party line: one-to-one pairings that cover every minority resident (with
// the history of moves and re-pairings), liaisons' visits, and the ethnic-work groups' study
// sessions. The party groups themselves are organisations (organizations/demo.cpp, run before).
#include <algorithm>

#include "core/util/rng.hpp"
#include "modules/party/module.hpp"
#include "modules/party/service.hpp"

namespace tongxin::party {
namespace {

using util::DateOf;
using util::Rng;

struct Ctx {
    db::Connection& conn;
    int64_t street;
    int64_t community;
    Rng& rng;
};

void PairEveryone(Ctx& c, const std::vector<int64_t>& liaisons) {
    auto minority = c.conn.Query(
        "SELECT id, moved_in, moved_out FROM residents WHERE community_id = ? AND ethnicity >= '02' AND ethnicity <= "
        "'56' ORDER BY household_id, id",
        c.community);
    size_t next = 0;
    for (const auto& r : minority) {
        std::string from = std::max(r.OptStr("moved_in").value_or("2019-03-01"), std::string("2019-03-01"));
        if (r.OptStr("moved_out") && r.Str("moved_out") <= from) continue;
        int64_t liaison = liaisons[next++ % liaisons.size()];
        if (liaison == r.Int("id")) liaison = liaisons[next++ % liaisons.size()];
        int64_t pairing = party::PartyService::InsertPairing(c.conn, r.Int("id"), liaison, from);
        if (r.OptStr("moved_out")) {
            c.conn.Exec("UPDATE pairings SET to_date = ?, end_reason = '迁出' WHERE id = ?", r.Str("moved_out"),
                        pairing);
            party::PartyService::RefreshAssignment(
                c.conn, liaison,
                c.conn.QueryOne("SELECT household_id FROM residents WHERE id = ?", r.Int("id"))->OptInt(0));
        } else if (c.rng.Chance(0.08)) {
            // Re-paired in 2020: the first pairing ends, the history stays.
            std::string when = DateOf(2020, c.rng.Uniform(3, 11), c.rng.Uniform(1, 28));
            if (when > from) {
                c.conn.Exec("UPDATE pairings SET to_date = ?, end_reason = '联络人工作调整' WHERE id = ?", when,
                            pairing);
                int64_t other = liaisons[next++ % liaisons.size()];
                if (other == r.Int("id") || other == liaison) other = liaisons[next++ % liaisons.size()];
                party::PartyService::RefreshAssignment(
                    c.conn, liaison,
                    c.conn.QueryOne("SELECT household_id FROM residents WHERE id = ?", r.Int("id"))->OptInt(0));
                int64_t again = party::PartyService::InsertPairing(c.conn, r.Int("id"), other, when);
                (void)again;
            }
        }
    }
}

void Visits(Ctx& c) {
    static const std::vector<std::string> kFindings = {
        "家庭生活稳定",           "老人身体欠佳，需定期关注", "子女入学咨询",      "希望参加社区民族文化活动",
        "就业意愿强，需岗位信息", "对社区服务满意",           "住房漏水，已报物业"};
    static const std::vector<std::string> kNeeds = {"",        "", "", "就业岗位信息", "医保报销咨询", "子女课后托管",
                                                    "法律咨询"};
    auto households = c.conn.Query(
        "SELECT DISTINCT household_id, liaison_resident_id, min(from_date) AS first_from FROM pairings WHERE "
        "community_id = ? AND "
        "to_date IS NULL GROUP BY household_id, liaison_resident_id ORDER BY household_id",
        c.community);
    for (const auto& h : households) {
        int n = c.rng.Uniform(1, 4);
        for (int i = 0; i < n; ++i) {
            int year = c.rng.Uniform(2019, 2021);
            std::string date =
                DateOf(year, c.rng.Uniform(year == 2019 ? 4 : 1, year == 2021 ? 10 : 12), c.rng.Uniform(1, 28));
            if (date < h.Str("first_from")) continue;
            const std::string& needs = c.rng.Pick(kNeeds);
            std::string kind = c.rng.Chance(0.65) ? "home" : c.rng.Chance(0.6) ? "phone" : "group_assistance";
            auto place =
                c.conn.QueryOne("SELECT street_id, community_id, grid_id, building_id FROM households WHERE id = ?",
                                h.Int("household_id"));
            c.conn.Exec(
                "INSERT INTO visits (household_id, liaison_resident_id, visit_date, kind, findings, needs, follow_up, "
                "follow_up_status, street_id, community_id, grid_id, building_id, created_at) VALUES (?, ?, ?, ?, ?, "
                "?, "
                "?, ?, ?, ?, ?, ?, ?)",
                h.Int("household_id"), h.Int("liaison_resident_id"), date, kind, c.rng.Pick(kFindings), needs,
                needs.empty() ? std::string() : std::string("已转介相关服务"),
                needs.empty() ? std::string("none") : (c.rng.Chance(0.8) ? std::string("done") : std::string("open")),
                place->Int("street_id"), place->Int("community_id"), place->OptInt("grid_id"),
                place->OptInt("building_id"), int64_t{1609459200});
        }
    }
}

void StudySessions(Ctx& c, const std::vector<int64_t>& groups) {
    static const std::vector<std::string> kTopics = {"学习习近平总书记关于加强和改进民族工作的重要思想",
                                                     "铸牢中华民族共同体意识专题学习",
                                                     "党的民族理论和民族政策",
                                                     "民族区域自治制度学习",
                                                     "党史学习教育",
                                                     "社区治理与为民服务",
                                                     "疫情防控与志愿服务"};
    for (int64_t g : groups) {
        auto members = IdsOf(c.conn.Query("SELECT resident_id FROM org_posts WHERE organization_id = ?", g));
        for (int year = 2019; year <= 2021; ++year) {
            for (int month = (year == 2019 ? 4 : 1); month <= 12; ++month) {
                size_t topic = static_cast<size_t>(c.rng.Uniform(0, static_cast<int>(kTopics.size()) - 1));
                std::string kind = month % 3 == 0 ? "party_lecture" : "group_meeting";
                int64_t id = c.conn.Insert(
                    "INSERT INTO study_sessions (street_id, community_id, organization_id, kind, "
                    "held_on, topic, ethnic_policy, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                    "?, ?)",
                    c.street, c.community, g, kind, DateOf(year, month, c.rng.Uniform(5, 25)), kTopics[topic],
                    topic < 4, std::string("会议记录：学习文件，交流发言，明确下阶段联络走访安排。"),
                    int64_t{1609459200});
                for (int64_t m : members)
                    if (c.rng.Chance(0.85))
                        c.conn.Exec("INSERT INTO study_attendance (session_id, resident_id) VALUES (?, ?)", id, m);
            }
        }
    }
}

// The community's party members present through 2021, in a drawn order: the liaisons.
std::vector<int64_t> Liaisons(db::Connection& conn, int64_t community, Rng& rng) {
    auto liaisons =
        AdultsPresent(conn, community, "ethnicity >= '02' AND ethnicity <= '56' AND political_status IN ('01', '02')");
    auto han = AdultsPresent(conn, community, "ethnicity = '01' AND political_status IN ('01', '02')");
    liaisons.insert(liaisons.end(), han.begin(), han.end());
    util::Shuffle(liaisons, rng);
    return liaisons;
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    // 安公社区: every minority resident paired, visited, and the ethnic-work groups' study sessions.
    Rng rng(w.model.seed + 1);
    Ctx model{w.conn, w.street, w.model.id, rng};
    PairEveryone(model, Liaisons(w.conn, w.model.id, rng));
    Visits(model);
    StudySessions(model, IdsOf(w.conn.Query(R"sql(
SELECT id FROM organizations
WHERE community_id = ? AND kind = 'party_group' AND ethnic_work = 1 AND dissolved_on IS NULL ORDER BY id)sql",
                                            w.model.id)));
    // The demo liaison: the one with the most households.
    w.people["liaison"] = w.conn
                              .QueryOne(R"sql(
SELECT liaison_resident_id FROM pairings WHERE community_id = ? AND to_date IS NULL
GROUP BY liaison_resident_id ORDER BY count(*) DESC, liaison_resident_id LIMIT 1)sql",
                                        w.model.id)
                              ->Int(0);
    // 南山社区: pairings only.
    Rng other_rng(w.other.seed + 1);
    Ctx other{w.conn, w.street, w.other.id, other_rng};
    PairEveryone(other, Liaisons(w.conn, w.other.id, other_rng));
}

}  // namespace tongxin::party
