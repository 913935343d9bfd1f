#include "modules/jobs/service.hpp"

#include <gtest/gtest.h>

#include "core/crypto/vault.hpp"
#include "core/testing/temp_db.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::jobs {

// One community with seven Tibetan residents and two Yi ones, each a job seeker of 2021.
class JobsServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& c = t.conn();
        street = places::InsertPlace(c, {"street", std::nullopt, "街道", "", "", std::nullopt, std::nullopt});
        community = places::InsertPlace(c, {"community", street, "甲社区", "", "", std::nullopt, std::nullopt});
        int64_t grid = places::InsertPlace(c, {"grid", community, "网格", "", "", std::nullopt, std::nullopt});
        int64_t bld = places::InsertPlace(c, {"building", grid, "1栋", "", "", std::nullopt, std::nullopt});
        places::Place p;
        p.id = bld;
        p.name = "1栋";
        p.street_id = street;
        p.community_id = community;
        p.grid_id = grid;
        worker.scope_kind = auth::ScopeKind::kCommunity;
        worker.scope_place_id = community;
        worker.user_id = 1;
        worker.permissions = {"jobs.read", "jobs.write", "residents.write"};
        for (int i = 0; i < 9; ++i) {
            residents::ResidentInput in;
            in.name = (i < 7 ? "扎西" : "阿依") + std::to_string(i);
            in.gender = "男";
            in.ethnicity = i < 7 ? "藏族" : "彝族";
            in.household_id = places::FindOrCreateHousehold(c, p, "1", std::to_string(101 + i)).id;
            const int64_t resident = people.Create(worker, in, actor);
            SeekerInput s{.resident_id = resident, .registered_on = "2021-03-01", .education = "senior"};
            seekers.push_back(svc.Register(worker, s, actor));
        }
        employer = svc.AddEmployer(worker, {.community_id = community, .name = "华阳酒店"}, actor);
    }

    testing::TempDb t;
    crypto::Vault vault = crypto::Vault::ForTests();
    residents::ResidentService people{t.db(), vault};
    JobsService svc{t.db(), vault};
    audit::Actor actor{1, "t", "local"};
    int64_t street = 0, community = 0, employer = 0;
    std::vector<int64_t> seekers;
    auth::Principal worker;
};

TEST_F(JobsServiceTest, TheFunnelMergesGroupsUnderFiveAndEachCountIsItsList) {
    for (size_t i = 0; i < 4; ++i) svc.Place(worker, {seekers[i], employer, "服务员", "2021-06-01"}, actor);
    svc.Place(worker, {seekers[8], employer, "厨师", "2021-07-01"}, actor);  // a Yi seeker
    const jobs::Funnel f = svc.Funnel(worker, community, "2021");
    ASSERT_EQ(f.steps.size(), Steps().size());
    EXPECT_EQ(f.steps[0].people, 9);
    EXPECT_EQ(f.steps[4].step, "placed");
    EXPECT_EQ(f.steps[4].people, 5);
    EXPECT_EQ(f.steps[4].median_days, 92);  // 2021-03-01 → 2021-06-01
    for (const FunnelStep& s : f.steps) {
        SeekerFilter list{.community = community, .reached = s.step, .year = "2021"};
        EXPECT_EQ(svc.Seekers(worker, list).total, s.people) << s.step;
    }
    // Seven Tibetan seekers are a group; the two Yi ones are merged into 其他.
    ASSERT_EQ(f.by_ethnicity.size(), 2u);
    EXPECT_EQ(f.by_ethnicity[0].name, "藏族");
    EXPECT_EQ(f.by_ethnicity[0].people[4], 4);
    EXPECT_EQ(f.by_ethnicity[1].key, "other");
    EXPECT_EQ(f.by_ethnicity[1].people[0], 2);
    EXPECT_EQ(f.by_ethnicity[1].people[4], 1);
    EXPECT_EQ(svc.Funnel(worker, community, "2020").steps[0].people, 0);
}

TEST_F(JobsServiceTest, APathMovesForwardOnlyAndEndsAtAPlacementOrABusiness) {
    EXPECT_THROW(svc.AddStep(worker, seekers[0], {.step = "placed", .on_date = "2021-05-01"}, actor), AppError);
    EXPECT_THROW(svc.AddStep(worker, seekers[0], {.step = "trained", .on_date = "2021-02-01"}, actor), AppError);
    EXPECT_GT(svc.AddStep(worker, seekers[0], {.step = "trained", .on_date = "2021-04-01"}, actor), 0);
    svc.Place(worker, {seekers[0], employer, "服务员", "2021-06-01"}, actor);
    try {
        svc.AddStep(worker, seekers[0], {.step = "internship", .on_date = "2021-07-01"}, actor);
        FAIL() << "a placed seeker's path went on";
    } catch (const AppError& e) {
        EXPECT_EQ(e.key(), "seeker_not_active");
    }
    // The same resident cannot be registered twice while looking.
    const int64_t resident = svc.Seekers(worker, {.id = seekers[1]}).items.front().resident_id;
    EXPECT_THROW(
        svc.Register(worker, {.resident_id = resident, .registered_on = "2021-05-01", .education = "senior"}, actor),
        AppError);
    // A business with a wrong check character is refused; the right one is kept upper-case.
    BusinessInput b{.resident_id = resident,
                    .seeker_id = seekers[1],
                    .name = "藏香茶饮",
                    .kind = "individual",
                    .credit_code = "91110000600037341M",
                    .registered_on = "2021-08-01"};
    EXPECT_THROW(svc.AddBusiness(worker, b, actor), AppError);
    b.credit_code = "91110000600037341l";
    const int64_t id = svc.AddBusiness(worker, b, actor);
    EXPECT_EQ(svc.Businesses(worker, {.id = id}).items.front().credit_code, "91110000600037341L");
    EXPECT_EQ(svc.Seekers(worker, {.id = seekers[1]}).items.front().status, "business");
}

}  // namespace tongxin::jobs
