#include "core/audit/audit.hpp"

#include <gtest/gtest.h>

#include "core/crypto/vault.hpp"
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

// Someone with write access to the database but not the key recomputes every entry's hash and
// the head the way an unkeyed chain would be computed: the keyed chain does not verify.
TEST_F(AuditTest, RecomputingTheChainWithoutTheKeyIsFound) {
    AppendSome(5);
    auto& c = t.conn();
    c.Exec("UPDATE audit_log SET details = '{\"i\":42}' WHERE seq = 2");
    std::string prev(64, '0');
    for (const auto& row : c.Query("SELECT seq, at, username, action, details FROM audit_log ORDER BY seq")) {
        std::string h = crypto::Sha256Hex(prev + row.Str(0) + row.Str(1) + row.Str(2) + row.Str(3) + row.Str(4));
        c.Exec("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", prev, h, row.Int(0));
        prev = h;
    }
    c.Exec("UPDATE audit_head SET hash = ? WHERE id = 1", prev);
    auto r = Verify(c);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, 1);
}

TEST_F(AuditTest, FieldsCannotBeShiftedIntoOneAnother) {
    db::Transaction tx(t.conn(), db::Transaction::Mode::kWrite);
    Append(t.conn(), {1, "ab", "c"}, {"x", "y", "z", true, {}});
    tx.Commit();
    // Moving a character from one field to its neighbour keeps the concatenation the same.
    t.conn().Exec("UPDATE audit_log SET username = 'a', client_addr = 'bc' WHERE seq = 1");
    EXPECT_FALSE(Verify(t.conn()).ok);
}

TEST_F(AuditTest, ACheckpointCatchesARewriteByAKeyHolderAndATruncation) {
    AppendSome(6);
    Checkpoint cp = Head(t.conn());
    EXPECT_EQ(cp.seq, 6);
    AppendSome(2);
    EXPECT_TRUE(Verify(t.conn(), cp).ok);
    auto parsed = ParseCheckpoint(FormatCheckpoint(cp) + "\n");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->seq, 6);
    EXPECT_FALSE(ParseCheckpoint("six abc"));

    // Rewriting history from entry 3 on with the key verifies on its own but not against the checkpoint.
    testing::TempDb other;
    {
        db::Transaction tx(other.conn(), db::Transaction::Mode::kWrite);
        for (int i = 0; i < 8; ++i)
            Append(other.conn(), {1, "angong", "127.0.0.1"}, {"residents.resident.updated", "resident", "x", true, {}});
        tx.Commit();
    }
    EXPECT_TRUE(Verify(other.conn()).ok);
    auto r = Verify(other.conn(), cp);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, 6);

    // Truncating to before the checkpoint (and fixing the head) is caught too.
    auto& c = t.conn();
    c.Exec("DELETE FROM audit_log WHERE seq > 4");
    auto head = c.QueryOne("SELECT hash FROM audit_log WHERE seq = 4");
    c.Exec("UPDATE audit_head SET seq = 4, hash = ? WHERE id = 1", head->Str(0));
    EXPECT_TRUE(Verify(c).ok);
    EXPECT_FALSE(Verify(c, cp).ok);
}

TEST_F(AuditTest, AnOldUnkeyedChainIsVerifiedAndSealedUnderTheKey) {
    auto& c = t.conn();
    // Write a version-1 chain as earlier releases did.
    std::string prev(64, '0');
    for (int seq = 1; seq <= 3; ++seq) {
        std::string s = prev + '\x1f' + std::to_string(seq) + '\x1f' + "100" + '\x1f' + "1" + '\x1f' + "angong" +
                        '\x1f' + "127.0.0.1" + '\x1f' + "a" + '\x1f' + "b" + '\x1f' + "c" + '\x1f' + "success" +
                        '\x1f' + "{}";
        std::string h = crypto::Sha256Hex(s);
        c.Exec(
            "INSERT INTO audit_log (seq, at, user_id, username, client_addr, action, object_type, object_id, "
            "outcome, details, prev_hash, hash) VALUES (?, 100, 1, 'angong', '127.0.0.1', 'a', 'b', 'c', "
            "'success', '{}', ?, ?)",
            seq, prev, h);
        prev = h;
    }
    c.Exec("UPDATE audit_head SET seq = 3, hash = ?, version = 1 WHERE id = 1", prev);
    EXPECT_TRUE(Verify(c).ok);
    UpgradeChain(c);
    auto r = Verify(c);
    EXPECT_TRUE(r.ok) << r.reason;
    EXPECT_EQ(r.entries, 4);  // and the entry that says the chain was keyed
    EXPECT_EQ(c.QueryInt("SELECT version FROM audit_head"), 2);
    UpgradeChain(c);
    EXPECT_EQ(Verify(c).entries, 4);
}

TEST_F(AuditTest, ABrokenOldChainIsNotSealed) {
    auto& c = t.conn();
    c.Exec(
        "INSERT INTO audit_log (seq, at, user_id, username, client_addr, action, object_type, object_id, outcome, "
        "details, prev_hash, hash) VALUES (1, 100, 1, 'x', 'y', 'a', 'b', 'c', 'success', '{}', ?, 'bad')",
        std::string(64, '0'));
    c.Exec("UPDATE audit_head SET seq = 1, hash = 'bad', version = 1 WHERE id = 1");
    EXPECT_THROW(UpgradeChain(c), std::runtime_error);
    EXPECT_EQ(c.QueryInt("SELECT version FROM audit_head"), 1);
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
