#include "app/demo.hpp"

#include <spdlog/spdlog.h>

#include "app/generator.hpp"
#include "core/error/app_error.hpp"
#include "core/text/codes.hpp"
#include "modules/module.hpp"
#include "modules/places/service.hpp"

namespace tongxin::app {
namespace {

const std::vector<EthnicShare> kAngongShares = {
    {"04", 0.07},  {"07", 0.05},  {"33", 0.03},  {"03", 0.03},  {"15", 0.02},  {"06", 0.012}, {"11", 0.01},
    {"02", 0.008}, {"05", 0.007}, {"08", 0.005}, {"14", 0.004}, {"27", 0.003}, {"10", 0.003}};
const std::vector<EthnicShare> kNanshanShares = {{"04", 0.03}, {"07", 0.02}, {"03", 0.015},
                                                 {"33", 0.01}, {"15", 0.01}, {"06", 0.005}};

// Exactly `count` minority party members in the community, chosen deterministically among
// adult minority residents; other minority residents keep a non-party status.
void SetMinorityPartyMembers(db::Connection& conn, int64_t community_id, int count) {
    conn.Exec(
        "UPDATE residents SET political_status = '13' WHERE community_id = ? AND ethnicity >= '02' AND ethnicity <= "
        "'56' AND political_status IN ('01', '02')",
        community_id);
    auto rows = conn.Query(
        "SELECT id FROM residents WHERE community_id = ? AND ethnicity >= '02' AND ethnicity <= '56' AND birth_date "
        "<= '1995-12-31' AND moved_out IS NULL ORDER BY id",
        community_id);
    int step = std::max<int>(1, static_cast<int>(rows.size()) / count);
    for (size_t at = 0, i = 0; i < static_cast<size_t>(count) && at < rows.size();
         ++i, at += static_cast<size_t>(step)) {
        conn.Exec("UPDATE residents SET political_status = '01' WHERE id = ?", rows[at].Int(0));
    }
}

}  // namespace

std::vector<DemoAccount> LoadDemo(db::Database& db, residents::ResidentService& svc, auth::AuthService& auth,
                                  const std::string& password) {
    db::Connection& conn = db.Local();
    if (conn.QueryInt("SELECT count(*) FROM places WHERE kind = 'street' AND name = '华阳街道'") > 0) {
        throw std::runtime_error("the demo is already loaded in this database");
    }
    PeopleMaker people(20210217);
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    int64_t street =
        places::InsertPlace(conn, {"street", std::nullopt, "华阳街道", "510116001", "四川天府新区", 30.4998, 104.0706});
    auto angong = GenerateCommunity(
        conn, svc, people, street,
        {"安公社区", {"安公小区", "锦江苑", "华阳人家", "南湖花园"}, 5, 6000, kAngongShares, 30.5016, 104.0655});
    auto nanshan =
        GenerateCommunity(conn, svc, people, street,
                          {"南山社区", {"南山苑", "海棠小区", "云华里"}, 5, 4000, kNanshanShares, 30.4912, 104.0801});

    // Some residents moved out over the years; their records stay.
    Rng& rng = people.rng();
    for (int64_t id : angong.residents) {
        if (rng.Chance(0.02)) {
            conn.Exec("UPDATE residents SET moved_out = ? WHERE id = ?",
                      std::to_string(rng.Uniform(2019, 2021)) + "-0" + std::to_string(rng.Uniform(1, 9)) + "-15", id);
        }
    }

    SetMinorityPartyMembers(conn, angong.id, 26);

    DemoWorld world{conn,
                    auth,
                    password,
                    street,
                    {angong.id, "安公社区", angong.grids, 2021},
                    {nanshan.id, "南山社区", nanshan.grids, 2117}};
    for (const ModuleInfo& m : AllModules()) {
        if (m.demo) m.demo(world);
    }
    audit::Actor system{std::nullopt, "demo", "local"};
    audit::Append(conn, system,
                  {"demo.loaded",
                   "street",
                   std::to_string(street),
                   true,
                   {{"residents", static_cast<int64_t>(angong.residents.size() + nanshan.residents.size())}}});
    tx.Commit();
    return world.accounts;
}

void Generate(db::Database& db, residents::ResidentService& svc, int64_t residents, int communities, uint64_t seed) {
    db::Connection& conn = db.Local();
    PeopleMaker people(seed);
    int64_t street;
    {
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        std::string name = "生成街道" + std::to_string(seed) + "-" +
                           std::to_string(conn.QueryInt("SELECT count(*) FROM places WHERE kind = 'street'") + 1);
        street = places::InsertPlace(conn, {"street", std::nullopt, name, "", "合成数据", 30.5, 104.07});
        tx.Commit();
    }
    const std::vector<EthnicShare> shares = {{"04", 0.05}, {"07", 0.04}, {"33", 0.02}, {"03", 0.03}, {"15", 0.02},
                                             {"06", 0.01}, {"11", 0.01}, {"02", 0.01}, {"05", 0.01}};
    int64_t per = residents / communities;
    for (int c = 0; c < communities; ++c) {
        int64_t n = c == communities - 1 ? residents - per * (communities - 1) : per;
        // One transaction per 20,000 residents keeps memory flat and progress visible.
        int compounds = static_cast<int>(std::max<int64_t>(1, n / 2500));
        std::vector<std::string> names;
        names.reserve(static_cast<size_t>(compounds));
        for (int i = 0; i < compounds; ++i)
            names.push_back("小区" + std::to_string(c + 1) + "-" + std::to_string(i + 1));
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        GenerateCommunity(
            conn, svc, people, street,
            {"社区" + std::to_string(c + 1), names, 10, static_cast<int>(n), shares, 30.5 + c * 0.01, 104.07});
        tx.Commit();
        spdlog::info("community {}/{}: {} residents", c + 1, communities, n);
    }
}

}  // namespace tongxin::app
