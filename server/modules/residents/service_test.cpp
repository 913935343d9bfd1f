#include "modules/residents/service.hpp"

#include <gtest/gtest.h>

#include "core/crypto/vault.hpp"
#include "core/testing/temp_db.hpp"
#include "modules/places/service.hpp"

namespace tongxin::residents {

class ResidentServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& c = t.conn();
        street = places::InsertPlace(c, {"street", std::nullopt, "街道", "", "", std::nullopt, std::nullopt});
        a = places::InsertPlace(c, {"community", street, "甲社区", "", "", std::nullopt, std::nullopt});
        b = places::InsertPlace(c, {"community", street, "乙社区", "", "", std::nullopt, std::nullopt});
        auto make_household = [&](int64_t community) {
            int64_t grid = places::InsertPlace(c, {"grid", community, "网格", "", "", std::nullopt, std::nullopt});
            int64_t bld = places::InsertPlace(c, {"building", grid, "1栋", "", "", std::nullopt, std::nullopt});
            places::Place p;
            p.id = bld;
            p.name = "1栋";
            p.street_id = street;
            p.community_id = community;
            p.grid_id = grid;
            return places::FindOrCreateHousehold(c, p, "1", "101").id;
        };
        ha = make_household(a);
        hb = make_household(b);
        worker_a.scope_kind = auth::ScopeKind::kCommunity;
        worker_a.scope_place_id = a;
        worker_a.user_id = 1;
        worker_b = worker_a;
        worker_b.scope_place_id = b;
    }

    int64_t Add(const auth::Principal& p, const std::string& name, int64_t household, std::string phone = "") {
        ResidentInput in;
        in.name = name;
        in.gender = "男";
        in.ethnicity = "藏族";
        in.household_id = household;
        if (!phone.empty()) in.phone = phone;
        return svc.Create(p, in, {1, "t", "local"});
    }

    testing::TempDb t;
    crypto::Vault vault = crypto::Vault::ForTests();
    ResidentService svc{t.db(), vault};
    int64_t street = 0, a = 0, b = 0, ha = 0, hb = 0;
    auth::Principal worker_a, worker_b;
};

TEST_F(ResidentServiceTest, ScopeHidesOtherCommunities) {
    int64_t id = Add(worker_a, "扎西", ha, "13800001111");
    EXPECT_NO_THROW(svc.Get(worker_a, id));
    EXPECT_THROW(svc.Get(worker_b, id), AppError);
    SearchFilter f;
    f.q = "扎西";
    EXPECT_EQ(svc.Search(worker_b, f).total, 0);
    f.q = "13800001111";
    EXPECT_EQ(svc.Search(worker_a, f).total, 1);
    EXPECT_EQ(svc.Search(worker_b, f).total, 0);
}

TEST_F(ResidentServiceTest, CannotAddToAHouseholdOutsideScope) {
    try {
        Add(worker_a, "某人", hb);
        FAIL();
    } catch (const AppError& e) {
        EXPECT_EQ(e.details().at("fields").at("household_id").as_string(), "unknown_household");
    }
    EXPECT_EQ(t.conn().QueryInt("SELECT count(*) FROM residents"), 0);
}

TEST_F(ResidentServiceTest, InitialsSearchFindsSurnameReadings) {
    int64_t id = Add(worker_a, "单田芳", ha);
    SearchFilter f;
    f.q = "stf";
    auto r = svc.Search(worker_a, f);
    ASSERT_EQ(r.total, 1);
    EXPECT_EQ(r.items[0].id, id);
    f.q = "shantianf";
    EXPECT_EQ(svc.Search(worker_a, f).total, 1);
}

TEST_F(ResidentServiceTest, PhoneIsStoredEncryptedAndMasked) {
    int64_t id = Add(worker_a, "次仁", ha, "13912345678");
    auto row = t.conn().QueryOne("SELECT phone_enc, phone_masked FROM residents WHERE id = ?", id);
    EXPECT_EQ(row->Str(0).find("13912345678"), std::string::npos);
    EXPECT_EQ(row->Str(1), "139****5678");
    auto contact = svc.RevealContact(worker_a, id, {1, "t", "local"});
    EXPECT_EQ(contact.phone, "13912345678");
    EXPECT_EQ(t.conn().QueryInt("SELECT count(*) FROM audit_log WHERE action = 'residents.contact.revealed'"), 1);
}

TEST(ResidentValidation, NormalisesNamesOfCodes) {
    ResidentInput in;
    in.name = "马丽";
    in.gender = "女";
    in.ethnicity = "回族";
    in.political_status = "中共党员";
    in.relation = "配偶";
    FieldErrors errors;
    Validate(in, errors);
    EXPECT_TRUE(errors.Empty());
    EXPECT_EQ(in.gender, "F");
    EXPECT_EQ(in.ethnicity, "03");
    EXPECT_EQ(in.political_status, "01");
    EXPECT_EQ(in.relation, "spouse");
}

}  // namespace tongxin::residents
