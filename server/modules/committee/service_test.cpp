#include "modules/committee/service.hpp"

#include <gtest/gtest.h>

#include "core/crypto/vault.hpp"
#include "core/testing/temp_db.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::committee {

// One community with a minority household and a Han one, and a committee with one officer.
class CommitteeServiceTest : public ::testing::Test {
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
        minority_home = places::FindOrCreateHousehold(c, p, "1", "101").id;
        han_home = places::FindOrCreateHousehold(c, p, "1", "102").id;
        officer_home = places::FindOrCreateHousehold(c, p, "1", "103").id;
        worker.scope_kind = auth::ScopeKind::kCommunity;
        worker.scope_place_id = community;
        worker.user_id = 1;
        worker.permissions = {"committee.read", "committee.write", "committee.log"};
        minority = Add("扎西", "藏族", minority_home);
        Add("张伟", "汉族", han_home);
        officer_id = Add("阿依", "彝族", officer_home);
        const int64_t now = time::NowUnix();
        int64_t org = c.Insert(
            "INSERT INTO organizations (kind, name, street_id, community_id, created_at, updated_at) VALUES "
            "('unity_committee', '民族一家亲委员会', ?, ?, ?, ?)",
            street, community, now, now);
        c.Exec(
            "INSERT INTO org_posts (organization_id, resident_id, post, term_from, street_id, community_id, "
            "created_at) VALUES (?, ?, 'liaison_officer', '2019-05-01', ?, ?, ?)",
            org, officer_id, street, community, now);
        officer.scope_kind = auth::ScopeKind::kAssigned;
        officer.scope_place_id = officer_id;
        officer.resident_id = officer_id;
        officer.user_id = 2;
        officer.permissions = {"committee.read", "committee.log"};
    }

    int64_t Add(const std::string& name, const std::string& ethnicity, int64_t household) {
        residents::ResidentInput in;
        in.name = name;
        in.gender = "男";
        in.ethnicity = ethnicity;
        in.household_id = household;
        return people.Create(worker, in, actor);
    }

    static std::string FieldOf(const AppError& e) {
        const auto& fields = e.details().at("fields").as_object();
        return fields.empty() ? "" : std::string(fields.begin()->key());
    }

    testing::TempDb t;
    crypto::Vault vault = crypto::Vault::ForTests();
    residents::ResidentService people{t.db(), vault};
    CommitteeService svc{t.db()};
    audit::Actor actor{1, "t", "local"};
    int64_t street = 0, community = 0, minority_home = 0, han_home = 0, officer_home = 0, minority = 0, officer_id = 0;
    auth::Principal worker, officer;
};

TEST_F(CommitteeServiceTest, AnOfficerSeesExactlyTheHouseholdsAssignedToThem) {
    EXPECT_EQ(svc.Assignments(officer, {}).total, 0);
    int64_t id = svc.Assign(worker, minority_home, officer_id, "2021-01-01", "", actor);
    auto mine = svc.Assignments(officer, {});
    ASSERT_EQ(mine.total, 1);
    EXPECT_EQ(mine.items.front().household_id, minority_home);
    // Logging for a household not theirs is refused as if it did not exist.
    ContactInput in{.household_id = han_home,
                    .contacted_on = "2021-02-01",
                    .channel = "phone",
                    .purpose = "contact",
                    .summary = "问候"};
    EXPECT_THROW(svc.AddContact(officer, in, actor), AppError);
    in.household_id = minority_home;
    EXPECT_GT(svc.AddContact(officer, in, actor), 0);
    svc.EndAssignment(worker, id, "2021-06-01", "调整", actor);
    EXPECT_EQ(svc.Assignments(officer, {}).total, 0);
    EXPECT_THROW(svc.AddContact(officer, in, actor), AppError);
}

TEST_F(CommitteeServiceTest, OnlyMinorityHouseholdsAndServingOfficersAreAssigned) {
    try {
        svc.Assign(worker, han_home, officer_id, "2021-01-01", "", actor);
        FAIL() << "a Han household was assigned";
    } catch (const AppError& e) {
        EXPECT_EQ(FieldOf(e), "household_id");
    }
    try {
        svc.Assign(worker, minority_home, minority, "2021-01-01", "", actor);
        FAIL() << "a resident without the post was made an officer";
    } catch (const AppError& e) {
        EXPECT_EQ(FieldOf(e), "officer_resident_id");
    }
    // Before the officer's term began, they were not an officer.
    EXPECT_THROW(svc.Assign(worker, minority_home, officer_id, "2019-01-01", "", actor), AppError);
    auto coverage = svc.Coverage(worker, community, "2021-12-31");
    EXPECT_EQ(coverage.all.households, 2);  // 扎西's and the officer's own (彝族)
    EXPECT_EQ(coverage.all.assigned, 0);
    EXPECT_EQ(coverage.gaps.size(), 2u);
}

TEST_F(CommitteeServiceTest, ANeedIsDueInTwoWeeksAndIsFinalOnceSolved) {
    svc.Assign(worker, minority_home, officer_id, "2021-01-01", "", actor);
    int64_t id = svc.RaiseNeed(
        officer, {.household_id = minority_home, .raised_on = "2021-12-25", .kind = "school", .description = "转学"},
        actor);
    auto need = svc.Needs(worker, {.id = id, .as_of = "2022-01-09"}).items.at(0);
    EXPECT_EQ(need.due_on, "2022-01-08");
    EXPECT_TRUE(need.overdue);
    EXPECT_EQ(need.officer_resident_id, officer_id);
    // The committee's own handling has no records to link to.
    EXPECT_THROW(svc.UpdateNeed(worker, id, {.handler = "committee", .linked_id = 7}, actor), AppError);
    svc.UpdateNeed(worker, id, {.handler = "committee"}, actor);
    EXPECT_EQ(svc.Needs(worker, {.id = id}).items.at(0).status, "referred");
    EXPECT_THROW(svc.UpdateNeed(worker, id, {.status = "solved"}, actor), AppError);  // no outcome
    svc.UpdateNeed(worker, id, {.status = "solved", .outcome = "已入学"}, actor);
    EXPECT_EQ(svc.Needs(worker, {.id = id}).items.at(0).solved_on, time::Today());
    try {
        svc.UpdateNeed(worker, id, {.outcome = "改"}, actor);
        FAIL() << "a solved need was changed";
    } catch (const AppError& e) {
        EXPECT_EQ(e.code(), ErrorCode::kConflict);
    }
}

}  // namespace tongxin::committee
