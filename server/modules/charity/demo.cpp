// Demo records of the care and relief fund, 2019–2021: projects, donations by every channel
// (cash and goods), the minority residents' epidemic-prevention donations of 2020, a reversed
// mistake, disbursements approved by two people and paid, and disclosures. Amounts are drawn
// with a fixed seed; the indicators of CONTRACT.md come out of these records.
#include <cstdio>
#include <utility>

#include "core/util/rng.hpp"
#include "modules/charity/module.hpp"
#include "modules/charity/service.hpp"

namespace tongxin::charity {
namespace {

using util::DateOf;
using util::Rng;

struct CharityPeople {
    int64_t treasurer = 0, worker = 0, admin = 0;  // user ids
};

void LoadCharity(db::Connection& conn, int64_t street, int64_t community, const CharityPeople& people, uint64_t seed) {
    Rng rng(seed);
    auto project = [&](const char* name, int64_t goal_yuan, const std::string& from, std::optional<std::string> to,
                       const char* beneficiaries) {
        charity::ProjectInput in{community,    name,          goal_yuan * 100,
                                 from,         std::move(to), std::string(name) + "：社区公益慈善基金项目",
                                 beneficiaries};
        return ProjectService::InsertProject(conn, street, in, people.treasurer);
    };
    int64_t care = project("民族关爱帮扶项目", 300000, "2019-03-01", std::nullopt, "困难少数民族家庭、独居老人");
    int64_t epidemic =
        project("疫情防控爱心捐赠", 200000, "2020-01-25", std::string("2020-12-31"), "疫情防控一线、居家隔离家庭");
    int64_t school = project("助学圆梦计划", 100000, "2020-09-01", std::nullopt, "困难家庭学生");
    int64_t gala = project("民族团结公益晚会", 150000, "2021-09-01", std::string("2021-12-31"), "民族关爱帮扶对象");

    auto residents = conn.Query(
        "SELECT id, ethnicity FROM residents WHERE community_id = ? AND moved_out IS NULL AND birth_date <= "
        "'2000-12-31' ORDER BY id",
        community);
    std::vector<int64_t> minority, everyone;
    for (const auto& r : residents) {
        everyone.push_back(r.Int("id"));
        if (r.Str("ethnicity") >= "02" && r.Str("ethnicity") <= "56") minority.push_back(r.Int("id"));
    }
    auto pick = [&](const std::vector<int64_t>& v) {
        return v[static_cast<size_t>(rng.Uniform(0, static_cast<int>(v.size()) - 1))];
    };
    const char* kCompanies[] = {"华阳商贸有限公司", "天府民族餐饮公司", "锦华建设集团",
                                "川西物流有限公司", "蓉城医药连锁",     "安公社区商会"};
    auto donate = [&](std::optional<int64_t> project_id, const std::string& channel, int64_t fen, const std::string& on,
                      int who, bool epidemic_flag = false, const std::string& form = "cash",
                      const std::string& goods = "") {
        charity::DonationInput in;
        in.community_id = community;
        in.project_id = project_id;
        in.channel = channel;
        in.form = form;
        in.amount_fen = fen;
        in.goods = goods;
        in.valuation_basis = form == "in_kind" ? "按购货发票金额计价" : "";
        in.epidemic = epidemic_flag;
        in.donated_on = on;
        if (who == 0) {
            in.donor_kind = "anonymous";
        } else if (who == 1) {
            in.donor_kind = "organization";
            in.donor_name = kCompanies[rng.Uniform(0, 5)];
            in.publish_name = true;
        } else {
            in.donor_kind = "resident";
            in.donor_resident_id = who == 2 ? pick(minority) : pick(everyone);
            in.donor_name = conn.QueryOne("SELECT name FROM residents WHERE id = ?", *in.donor_resident_id)->Str(0);
            in.publish_name = rng.Chance(0.5);
        }
        return DonationService::InsertDonation(conn, street, in, people.treasurer);
    };

    // 2019: the care project's first year.
    for (int i = 0; i < 60; ++i) {
        donate(care, i % 3 ? "crowdfunding_online" : "crowdfunding_offline", 100 * rng.Uniform(200, 3000),
               DateOf(2019, 3 + i % 10, 1 + i % 28), i % 5 == 0 ? 0 : 3);
    }
    // 2020: minority residents give for epidemic prevention, in cash and in goods.
    for (int i = 0; i < 150; ++i) {
        bool goods = i % 5 == 0;
        donate(epidemic, i % 2 ? "crowdfunding_offline" : "public_collection", 100 * rng.Uniform(300, 1500),
               DateOf(2020, 1 + i % 4, 1 + i % 28), 2, true, goods ? "in_kind" : "cash",
               goods ? "口罩、消毒液、测温枪" : "");
    }
    for (int i = 0; i < 40; ++i) {
        donate(i % 2 ? care : school, "crowdfunding_online", 100 * rng.Uniform(200, 2000),
               DateOf(2020, 5 + i % 8, 1 + i % 28), i % 4 == 0 ? 0 : 3);
    }
    // 2021: every channel; the gala in December.
    for (int i = 0; i < 120; ++i) {
        donate(i % 3 ? care : school, "crowdfunding_online", 100 * rng.Uniform(300, 1700),
               DateOf(2021, 1 + i % 12, 1 + i % 28), i % 6 == 0 ? 0 : 3);
    }
    for (int i = 0; i < 80; ++i) {
        donate(care, "crowdfunding_offline", 100 * rng.Uniform(200, 800), DateOf(2021, 1 + i % 12, 2 + i % 26), 3);
    }
    for (int i = 0; i < 30; ++i)
        donate(std::nullopt, "public_collection", 100 * rng.Uniform(500, 1500), DateOf(2021, 1 + i % 12, 15), 3);
    for (int i = 0; i < 12; ++i)
        donate(i % 2 ? care : school, "corporate", 100 * rng.Uniform(12000, 18000), DateOf(2021, 1 + i, 10), 1);
    for (int i = 0; i < 40; ++i)
        donate(care, "charity_sale", 100 * rng.Uniform(200, 600), DateOf(2021, 6, 1 + i % 20), 3);
    for (int i = 0; i < 60; ++i) donate(gala, "gala", 100 * rng.Uniform(500, 1500), "2021-12-18", i % 10 == 0 ? 1 : 3);
    donate(gala, "gala", 100 * 3000, "2021-12-18", 1, false, "in_kind", "晚会演出服装 40 套");
    // A mistake: recorded twice, the copy reversed with a reason.
    auto [dup, receipt] = donate(care, "crowdfunding_offline", 100 * 800, "2021-03-08", 3);
    (void)receipt;
    int64_t dup_tx = conn.QueryOne("SELECT transaction_id FROM charity_donations WHERE id = ?", dup)->Int(0);
    LedgerService::PostReversal(conn, dup_tx, "同一笔捐款重复登记", "2021-03-09", people.treasurer);

    // Disbursements to households, requested by the treasurer, approved by the community worker and
    // the street administrator, and paid.
    auto households = conn.Query(
        "SELECT DISTINCT household_id FROM residents WHERE community_id = ? AND ethnicity >= '02' "
        "AND ethnicity <= '56' AND household_id IS NOT NULL ORDER BY household_id LIMIT 40",
        community);
    const char* kPurposes[] = {"困难家庭生活补助", "独居老人冬季关爱慰问", "助学金", "大病救助", "节日慰问物资"};
    for (size_t i = 0; i < households.size(); ++i) {
        int year = 2019 + static_cast<int>(i % 3);
        int64_t from = i % 4 == 3 ? school : care;
        if (year == 2019 && from == school) from = care;
        int64_t amount = 100 * rng.Uniform(500, 3000);
        std::string on = DateOf(year, 6 + static_cast<int>(i % 6), 10);
        int64_t id = conn.Insert(
            "INSERT INTO charity_disbursements (street_id, community_id, project_id, amount_fen, beneficiary_kind, "
            "household_id, purpose, evidence, status, requested_by, first_approver, second_approver, created_at) "
            "VALUES "
            "(?, ?, ?, ?, 'household', ?, ?, '入户核实记录及签收单', 'approved', ?, ?, ?, ?)",
            street, community, from, amount, households[i].Int("household_id"), std::string(kPurposes[i % 5]),
            people.treasurer, people.worker, people.admin, int64_t{1600000000});
        DisbursementService::PostPayment(conn, id, on, people.treasurer);
    }
    // One still waiting for its second approval.
    conn.Exec(
        "INSERT INTO charity_disbursements (street_id, community_id, project_id, amount_fen, beneficiary_kind, "
        "household_id, purpose, status, requested_by, first_approver, created_at) VALUES (?, ?, ?, 200000, "
        "'household', ?, "
        "'医疗救助', 'requested', ?, ?, ?)",
        street, community, care, households.front().Int("household_id"), people.treasurer, people.worker,
        int64_t{1640000000});
    for (int64_t p : {care, epidemic, school, gala}) {
        conn.Exec(
            "INSERT INTO charity_disclosures (project_id, published_on, note, created_by, created_at) VALUES (?, ?, "
            "'在社区公示栏及微信群公示收支明细', ?, ?)",
            p, p == care ? std::string("2021-06-30") : std::string("2021-12-31"), people.treasurer,
            int64_t{1640000000});
    }
}

}  // namespace

void LoadDemo(DemoWorld& w) {
    LoadCharity(w.conn, w.street, w.model.id, {w.User("treasurer"), w.User("angong"), w.User("admin")}, w.model.seed);
}

}  // namespace tongxin::charity
