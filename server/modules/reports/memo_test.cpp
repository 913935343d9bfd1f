#include "modules/reports/memo.hpp"

#include <gtest/gtest.h>

#include "core/testing/temp_db.hpp"

namespace tongxin::reports {
namespace {

// A street with two communities and an indicator over a small table of "records", counting
// how often its records are computed.
struct Fixture {
    testing::TempDb t;
    db::Connection& c = t.conn();
    int64_t street = 0, a = 0, b = 0;
    int valued = 0, listed = 0;  // how often figures and record lists were computed
    Indicator ind;

    Fixture() {
        street = c.Insert(
            "INSERT INTO places (kind, name, code, address, created_at, updated_at) VALUES ('street', 'S', 'S', '', 0, "
            "0)");
        c.Exec("UPDATE places SET street_id = id WHERE id = ?", street);
        auto community = [&](const char* name) {
            return c.Insert(
                "INSERT INTO places (kind, parent_id, name, code, address, street_id, created_at, updated_at) VALUES "
                "('community', ?, ?, ?, '', ?, 0, 0)",
                street, std::string(name), std::string(name), street);
        };
        a = community("A");
        b = community("B");
        c.Exec("UPDATE places SET community_id = id WHERE kind = 'community'");
        c.RunScript("CREATE TABLE figures (community_id BIGINT, street_id BIGINT, name TEXT, minutes BIGINT)");
        ind.id = "test.minutes";
        ind.aggregate = "sum";
        ind.sum_field = "minutes";
        ind.sum_scale = 1.0 / 60.0;
        ind.per_community = true;
        ind.value = [this](db::Connection& conn, const KpiScope& s) {
            ++valued;
            return static_cast<double>(
                       conn.Run("SELECT coalesce(sum(minutes), 0) FROM figures WHERE " + s.place_column + " = ?",
                                {s.place_id})
                           .front()
                           .Int(0)) /
                   60.0;
        };
        ind.records = [this](db::Connection& conn, const KpiScope& s, int64_t limit, int64_t offset) {
            ++listed;
            KpiRecords out;
            out.columns = {"name", "minutes"};
            const std::string where = " FROM figures WHERE " + s.place_column + " = ?";
            out.total = conn.Run("SELECT count(*)" + where, {s.place_id}).front().Int(0);
            for (const auto& r : conn.Run("SELECT name, minutes" + where + " ORDER BY name LIMIT ? OFFSET ?",
                                          {s.place_id, limit, offset})) {
                out.items.push_back({{"name", r.Str(0)}, {"minutes", r.Int(1)}});
            }
            return out;
        };
    }
    void Add(int64_t community, const std::string& name, int64_t minutes) {
        db::Transaction tx(c, db::Transaction::Mode::kWrite);
        c.Exec("INSERT INTO figures VALUES (?, ?, ?, ?)", community, street, name, minutes);
        Touch(c, community);
        tx.Commit();
    }
};

TEST(ReportsMemo, StreetSumsItsCommunitiesAndKeepsThemUntilOneChanges) {
    Fixture f;
    f.Add(f.a, "甲", 60);
    f.Add(f.b, "乙", 120);
    KpiScope street{"street_id", f.street, 2021};
    EXPECT_DOUBLE_EQ(ValueOf(f.c, f.ind, street), 3.0);
    EXPECT_EQ(f.valued, 2);
    EXPECT_DOUBLE_EQ(ValueOf(f.c, f.ind, street), 3.0);
    EXPECT_EQ(f.valued, 2) << "nothing changed: the kept figures answer";
    EXPECT_EQ(f.listed, 0) << "figures need no record lists";

    f.Add(f.b, "丙", 30);
    EXPECT_DOUBLE_EQ(ValueOf(f.c, f.ind, street), 3.5) << "a change is seen at once";
    EXPECT_EQ(f.valued, 3) << "only the changed community is computed again";

    KpiRecords rec = RecordsOf(f.c, f.ind, street, 10, 0);
    EXPECT_EQ(f.listed, 2);
    RecordsOf(f.c, f.ind, street, 10, 0);
    EXPECT_EQ(f.listed, 2) << "the street's records are kept too";
    f.Add(f.a, "戊", 30);
    EXPECT_EQ(RecordsOf(f.c, f.ind, street, 10, 0).total, 4);
    EXPECT_EQ(f.listed, 3);
    EXPECT_EQ(rec.total, 3);
    ASSERT_EQ(rec.items.size(), 3u);
    EXPECT_EQ(rec.items[0].at("name").as_string(), "甲");  // community A first, then B in its order
    EXPECT_EQ(rec.items[0].at("community").as_string(), "A");
    EXPECT_EQ(rec.columns, (std::vector<std::string>{"community", "name", "minutes"}));
    EXPECT_DOUBLE_EQ(ValueOf(f.c, f.ind, {"community_id", f.b, 2021}), 2.5);
}

TEST(ReportsMemo, TouchAllRecomputesEveryCommunity) {
    Fixture f;
    f.Add(f.a, "甲", 60);
    KpiScope street{"street_id", f.street, 2021};
    EXPECT_DOUBLE_EQ(ValueOf(f.c, f.ind, street), 1.0);
    // A bulk write (demo, generator) ends with TouchAll.
    f.c.Exec("INSERT INTO figures VALUES (?, ?, '丁', 60)", f.a, f.street);
    {
        db::Transaction tx(f.c, db::Transaction::Mode::kWrite);
        TouchAll(f.c);
        tx.Commit();
    }
    EXPECT_DOUBLE_EQ(ValueOf(f.c, f.ind, street), 2.0);
}

TEST(ReportsMemo, InsideATransactionFiguresAreComputedButNotKept) {
    Fixture f;
    f.Add(f.a, "甲", 60);
    db::Transaction tx(f.c, db::Transaction::Mode::kWrite);
    EXPECT_DOUBLE_EQ(ValueOf(f.c, f.ind, {"street_id", f.street, 2021}), 1.0);
    EXPECT_EQ(RecordsOf(f.c, f.ind, {"street_id", f.street, 2021}, 10, 0).total, 1);
    EXPECT_EQ(f.c.QueryInt("SELECT count(*) FROM kpi_memo"), 0);
    EXPECT_EQ(f.c.QueryInt("SELECT count(*) FROM kpi_memo_records"), 0);
}

}  // namespace
}  // namespace tongxin::reports
