#include "modules/reports/registry.hpp"

#include <gtest/gtest.h>

#include "core/testing/temp_db.hpp"

namespace tongxin::reports {
namespace {

// A table of records in two places; the indicators count or sum those of one place in a year.
struct Rows {
    testing::TempDb t;
    db::Connection& c = t.conn();

    Rows() {
        c.RunScript(
            "CREATE TABLE gifts (id INTEGER PRIMARY KEY, community_id BIGINT, given_on TEXT, donor TEXT, "
            "amount BIGINT)");
        int64_t id = 0;
        for (const char* on : {"2021-01-05", "2021-06-30", "2021-12-31", "2022-01-01"}) {
            ++id;
            c.Exec("INSERT INTO gifts VALUES (?, 7, ?, ?, ?)", id, std::string(on), "donor" + std::to_string(id),
                   100 * id);
        }
        c.Exec("INSERT INTO gifts VALUES (5, 8, '2021-03-01', 'elsewhere', 5000)");
    }

    static RowSet Gifts() {
        return {.rows =
                    [](const KpiScope& s) {
                        return ScopedSql{
                            " FROM gifts g WHERE g." + s.place_column + " = ? AND g.given_on >= ? AND g.given_on <= ?",
                            {s.place_id, s.year_start(), s.year_end()}};
                    },
                .keys = {"donor", "amount"},
                .columns = "g.id, g.donor, g.amount",
                .order_by = "g.given_on, g.id",
                .link_prefix = "/gifts/"};
    }
};

const KpiScope kYear{"community_id", 7, 2021};

TEST(RowIndicators, CountingCountsTheRowsItLists) {
    Rows rows;
    Indicator ind = Counting({.id = "test.gifts", .records_permission = "test.read"}, Rows::Gifts());
    EXPECT_EQ(ind.aggregate, "count");
    EXPECT_EQ(ind.value(rows.c, kYear), 3);  // not 2022's, not community 8's
    KpiRecords all = ind.records(rows.c, kYear, 10, 0);
    EXPECT_EQ(all.total, 3);
    ASSERT_EQ(all.items.size(), 3u);
    EXPECT_EQ(all.columns, (std::vector<std::string>{"donor", "amount"}));
    EXPECT_EQ(all.items[0].at("donor").as_string(), "donor1");
    EXPECT_EQ(all.items[2].at("link").as_string(), "/gifts/3");
    // A page, and the count alone (limit 0) as the memo asks for it.
    KpiRecords second = ind.records(rows.c, kYear, 1, 1);
    EXPECT_EQ(second.total, 3);
    ASSERT_EQ(second.items.size(), 1u);
    EXPECT_EQ(second.items[0].at("donor").as_string(), "donor2");
    EXPECT_TRUE(ind.records(rows.c, kYear, 0, 0).items.empty());
}

TEST(RowIndicators, SummingSumsTheRowsItListsScaled) {
    Rows rows;
    Indicator ind = Summing({.id = "test.amount", .sum_field = "amount", .sum_scale = 0.5, .records_permission = "x"},
                            Rows::Gifts(), "sum(g.amount)");
    EXPECT_EQ(ind.aggregate, "sum");
    EXPECT_DOUBLE_EQ(ind.value(rows.c, kYear), (100 + 200 + 300) * 0.5);
    EXPECT_DOUBLE_EQ(ind.value(rows.c, KpiScope{"community_id", 7, 2019}), 0);  // no rows: 0, not null
    EXPECT_EQ(ind.records(rows.c, kYear, 10, 0).total, 3);
    EXPECT_THROW(Summing({.id = "test.nofield", .records_permission = "x"}, Rows::Gifts(), "sum(g.amount)"),
                 std::logic_error);
}

TEST(RowIndicators, EachAddsToEveryRecordOfThePage) {
    Rows rows;
    RowSet set = Rows::Gifts();
    set.each = [](db::Connection&, const KpiScope&, const db::Row& r, boost::json::object& item) {
        item["big"] = r.Int("amount") >= 200;
    };
    KpiRecords out = Counting({.id = "test.each", .records_permission = "x"}, set).records(rows.c, kYear, 10, 0);
    ASSERT_EQ(out.items.size(), 3u);
    EXPECT_FALSE(out.items[0].at("big").as_bool());
    EXPECT_TRUE(out.items[1].at("big").as_bool());
}

}  // namespace
}  // namespace tongxin::reports

namespace tongxin::reports {
namespace {

Indicator Complete(std::string id) {
    return Counting({.id = std::move(id),
                     .records_permission = "test.read",
                     .definition_zh = "当年的捐赠笔数",
                     .definition_en = "Gifts given in the year"},
                    Rows::Gifts());
}

TEST(Registry, RefusesAFigureWithoutItsWordsSectionOrRecordsPermission) {
    Registry registry;
    registry.Add(Complete("charity.gifts"));
    EXPECT_EQ(SectionOf("charity.gifts"), "charity");
    EXPECT_THROW(registry.Add(Complete("charity.gifts")), std::logic_error) << "the same id twice";
    EXPECT_THROW(registry.Add(Complete("lottery.gifts")), std::logic_error) << "no such line or platform";
    Indicator wordless = Complete("charity.wordless");
    wordless.definition_en.clear();
    EXPECT_THROW(registry.Add(wordless), std::logic_error);
    Indicator open = Complete("charity.open");
    open.records_permission = "reports.read";
    EXPECT_THROW(registry.Add(open), std::logic_error);
    EXPECT_EQ(registry.all().size(), 1u);
}

}  // namespace
}  // namespace tongxin::reports
