// Demo records of the rights centre, 2019–2021: mediations with their sessions, agreements and
// fulfilment checks (221 resolved by the end of 2021), and legal aid, counselling and rights
// cases, some still open. Drawn with a fixed seed.
#include <cstdio>

#include "core/time/clock.hpp"
#include "core/util/rng.hpp"
#include "modules/cases/module.hpp"
#include "modules/cases/service.hpp"

namespace tongxin::cases {
namespace {

using util::DateOf;
using util::Rng;

void LoadCases(db::Connection& conn, int64_t street, int64_t community, int64_t mediator, int64_t head, uint64_t seed) {
    Rng rng(seed);
    auto residents = conn.Query(
        "SELECT id, name FROM residents WHERE community_id = ? AND moved_out IS NULL AND birth_date <= '2003-12-31' "
        "ORDER BY id",
        community);
    struct Dispute {
        const char* title;
        const char* respondent;
        const char* place;
    };
    const Dispute kDisputes[] = {
        {"邻里噪音纠纷", "楼上住户", "安公小区"},       {"房屋漏水纠纷", "楼上住户", "锦江苑"},
        {"物业服务费纠纷", "物业服务公司", "华阳人家"}, {"宠物扰民纠纷", "同单元住户", "南湖花园"},
        {"停车位占用纠纷", "邻居", "安公小区"},         {"家庭赡养纠纷", "家庭成员", "居民家中"},
        {"商铺租赁纠纷", "商铺业主", "安公街"},         {"装修施工纠纷", "装修公司", "锦江苑"}};
    auto date = [](int y, int m, int d) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return std::string(buf);
    };
    const int kResolved[] = {60, 75, 86};
    int64_t now = time::NowUnix();
    for (int y = 0; y < 3; ++y) {
        int year = 2019 + y;
        int total = kResolved[y] + 8;  // a few end unresolved or withdrawn
        for (int i = 0; i < total; ++i) {
            const Dispute& d = kDisputes[static_cast<size_t>(i) % 8];
            const auto& who = residents[static_cast<size_t>(rng.Uniform(0, static_cast<int>(residents.size()) - 1))];
            int month = 1 + (i * 11 / total) % 12;
            std::string registered = date(year, month, 1 + i % 20);
            cases::CaseInput in{community,
                                "mediation",
                                d.title,
                                who.Int("id"),
                                who.Str("name"),
                                d.respondent,
                                std::string(d.title) + "：双方就相关问题发生争执，申请社区调解。",
                                d.place,
                                i % 3 == 0   ? "phone"
                                : i % 3 == 1 ? "walk_in"
                                             : "referral",
                                registered};
            int64_t id = cases::CaseService::Insert(conn, street, in, i % 5 == 0 ? head : mediator,
                                                    "mediation_volunteer", std::nullopt);
            int sessions = rng.Uniform(1, 3);
            for (int s = 0; s < sessions; ++s) {
                conn.Exec(
                    "INSERT INTO case_sessions (case_id, held_on, staff_user_id, notes, created_at) VALUES (?, ?, ?, "
                    "?, ?)",
                    id, date(year, month, 2 + i % 20 + s * 3), i % 5 == 0 ? head : mediator,
                    std::string(s == 0 ? "听取双方陈述，了解纠纷经过。" : "组织双方协商，释法说理。"), now);
            }
            std::string resolved = date(year, month, 8 + i % 20);
            bool ok = i < kResolved[y];
            if (ok) {
                conn.Exec(
                    "INSERT INTO mediation_agreements (case_id, form, parties, content, mediator_user_id, signed_on, "
                    "fulfilment, fulfilment_checked_on, fulfilment_note, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                    "'fulfilled', ?, '回访确认已履行', ?)",
                    id, std::string(i % 10 < 7 ? "written" : "verbal"), who.Str("name") + "、" + d.respondent,
                    std::string("双方自愿达成调解协议，按约定履行。"), mediator, date(year, month, 5 + i % 20),
                    resolved, now);
            }
            conn.Exec("UPDATE cases SET status = 'closed', outcome = ?, resolved_on = ? WHERE id = ?",
                      std::string(ok      ? "resolved"
                                  : i % 2 ? "withdrawn"
                                          : "unresolved"),
                      resolved, id);
        }
    }
    // Other kinds of cases, and a few still in progress.
    const char* kOther[][3] = {{"legal_aid", "劳动报酬追讨法律咨询", "lawyer"},
                               {"counselling", "家庭关系心理疏导", "social_worker"},
                               {"rights", "少数民族务工人员权益维护", "lawyer"}};
    for (int i = 0; i < 45; ++i) {
        const auto& k = kOther[i % 3];
        const auto& who = residents[static_cast<size_t>(rng.Uniform(0, static_cast<int>(residents.size()) - 1))];
        int year = 2019 + (i / 3) % 3;
        cases::CaseInput in{community,
                            k[0],
                            k[1],
                            who.Int("id"),
                            who.Str("name"),
                            "",
                            std::string(k[1]) + "：居民来访求助。",
                            "社区居民权益维护中心",
                            "walk_in",
                            date(year, 1 + i % 12, 3)};
        int64_t id = cases::CaseService::Insert(conn, street, in, mediator, k[2], std::nullopt);
        conn.Exec(
            "INSERT INTO case_sessions (case_id, held_on, staff_user_id, notes, created_at) VALUES (?, ?, ?, ?, ?)", id,
            date(year, 1 + i % 12, 6), mediator, std::string("提供咨询，告知相关政策与途径。"), now);
        if (i < 40) {
            conn.Exec("UPDATE cases SET status = 'closed', outcome = 'resolved', resolved_on = ? WHERE id = ?",
                      date(year, 1 + i % 12, 20), id);
        }
    }
    for (size_t i = 0; i < 4; ++i) {
        const auto& who = residents[i * 7];
        cases::CaseInput in{community,
                            "mediation",
                            kDisputes[i].title,
                            who.Int("id"),
                            who.Str("name"),
                            kDisputes[i].respondent,
                            std::string(kDisputes[i].title) + "：正在调解中。",
                            kDisputes[i].place,
                            "phone",
                            "2021-12-20"};
        cases::CaseService::Insert(conn, street, in, i == 3 ? std::nullopt : std::optional<int64_t>(mediator),
                                   "mediation_volunteer", std::nullopt);
    }
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    LoadCases(w.conn, w.street, w.model.id, w.User("mediator"), w.User("rights"), w.model.seed);
}

}  // namespace tongxin::cases
