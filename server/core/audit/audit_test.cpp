#include "core/audit/audit.hpp"

#include <gtest/gtest.h>

#include "core/testing/temp_db.hpp"

namespace tongxin::audit {

class AuditTest : public ::testing::Test {
  protected:
    void AppendSome(int n) {
        db::Transaction tx(t.conn(), db::Transaction::Mode::kWrite);
        for (int i = 0; i < n; ++i) {
            Append(t.conn(), {1, "angong", "127.0.0.1"},
                   {"residents.resident.updated", "resident", std::to_string(i), true, {{"i", i}}});
        }
        tx.Commit();
    }
    testing::TempDb t;
};

TEST_F(AuditTest, AnIntactChainVerifies) {
    AppendSome(20);
    auto r = Verify(t.conn());
    EXPECT_TRUE(r.ok) << r.reason;
    EXPECT_EQ(r.entries, 20);
}

TEST_F(AuditTest, AnAlteredEntryIsFound) {
    AppendSome(10);
    t.conn().Exec("UPDATE audit_log SET details = '{\"i\":99}' WHERE seq = 4");
    auto r = Verify(t.conn());
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, 4);
}

TEST_F(AuditTest, ARemovedEntryIsFound) {
    AppendSome(10);
    t.conn().Exec("DELETE FROM audit_log WHERE seq = 6");
    auto r = Verify(t.conn());
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, 6);
}

TEST_F(AuditTest, RemovingTheNewestEntriesIsFound) {
    AppendSome(10);
    t.conn().Exec("DELETE FROM audit_log WHERE seq > 8");
    auto r = Verify(t.conn());
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, 9);
}

TEST_F(AuditTest, SwappingTwoEntriesIsFound) {
    AppendSome(10);
    auto& c = t.conn();
    c.Exec("UPDATE audit_log SET seq = -3 WHERE seq = 3");
    c.Exec("UPDATE audit_log SET seq = 3 WHERE seq = 5");
    c.Exec("UPDATE audit_log SET seq = 5 WHERE seq = -3");
    auto r = Verify(c);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, 3);
}

TEST_F(AuditTest, AppendsRolledBackWithTheirTransactionLeaveNoTrace) {
    AppendSome(3);
    {
        db::Transaction tx(t.conn(), db::Transaction::Mode::kWrite);
        Append(t.conn(), {1, "x", "y"}, {"a", "b", "c", true, {}});
    }
    AppendSome(2);
    auto r = Verify(t.conn());
    EXPECT_TRUE(r.ok) << r.reason;
    EXPECT_EQ(r.entries, 5);
}

TEST(AuditDiff, ShowsOnlyChangedFieldsAndMasksSensitiveOnes) {
    boost::json::object before{{"name", "甲"}, {"phone", "13800000000"}, {"note", ""}};
    boost::json::object after{{"name", "乙"}, {"phone", "13900000000"}, {"note", ""}};
    auto d = Diff(before, after, {"phone"});
    EXPECT_EQ(d.size(), 2u);
    EXPECT_EQ(d.at("name").at("before").as_string(), "甲");
    EXPECT_EQ(d.at("phone").at("after").as_string(), "***");
    EXPECT_FALSE(d.contains("note"));
}

}  // namespace tongxin::audit
