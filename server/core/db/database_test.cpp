#include "core/db/database.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "core/testing/temp_db.hpp"

namespace tongxin::db {

TEST(Database, BindsAndReadsEveryValueType) {
    testing::TempDb t;
    auto& c = t.conn();
    c.RunScript("CREATE TABLE v (i BIGINT, r DOUBLE PRECISION, s TEXT, n TEXT)");
    c.Exec("INSERT INTO v VALUES (?, ?, ?, ?)", int64_t{9007199254740993}, 2.5, std::string("同心"), nullptr);
    auto row = c.QueryOne("SELECT i, r, s, n FROM v");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->Int(0), 9007199254740993);
    EXPECT_DOUBLE_EQ(row->Real(1), 2.5);
    EXPECT_EQ(row->Str(2), "同心");
    EXPECT_TRUE(row->IsNull(3));
    EXPECT_EQ(row->OptStr(3), std::nullopt);
}

TEST(Database, KeepsBytesAsABlobWithTheirNulsAndReadsAnEmptyOne) {
    testing::TempDb t;
    auto& c = t.conn();
    c.RunScript("CREATE TABLE b (id BIGINT, data BLOB)");
    const std::string bytes("\xff\xd8\x00\x01JFIF\x00\xff", 10);
    c.Exec("INSERT INTO b VALUES (1, ?)", Blob{bytes});
    c.Exec("INSERT INTO b VALUES (2, ?)", Blob{""});
    EXPECT_EQ(c.QueryOne("SELECT data FROM b WHERE id = 1")->Str(0), bytes);
    EXPECT_EQ(c.QueryOne("SELECT typeof(data) FROM b WHERE id = 1")->Str(0), "blob");
    EXPECT_EQ(c.QueryOne("SELECT data FROM b WHERE id = 2")->Str(0), "");
    EXPECT_EQ(c.QueryOne("SELECT length(data) FROM b WHERE id = 1")->Int(0), 10);
}

TEST(Database, ColumnsAreReadByTheNameTheSelectGivesThem) {
    testing::TempDb t;
    auto& c = t.conn();
    c.RunScript("CREATE TABLE p (id BIGINT, name TEXT); CREATE TABLE q (id BIGINT, p_id BIGINT, name TEXT)");
    c.Exec("INSERT INTO p VALUES (1, '安公')");
    c.Exec("INSERT INTO q VALUES (7, 1, '一栋')");
    for (int pass = 0; pass < 2; ++pass) {  // the second pass reads a cached statement
        auto row = c.QueryOne("SELECT q.id, q.name, p.name AS community, NULL AS gone FROM q JOIN p ON p.id = q.p_id");
        ASSERT_TRUE(row);
        EXPECT_EQ(row->Int("id"), 7);
        EXPECT_EQ(row->Str("name"), "一栋");
        EXPECT_EQ(row->Str("community"), "安公");
        EXPECT_TRUE(row->IsNull("gone"));
        EXPECT_EQ(row->OptInt("gone"), std::nullopt);
        EXPECT_THROW(row->Int("p_id"), std::logic_error);
    }
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
    testing::TempDb t;
    auto& c = t.conn();
    c.RunScript("CREATE TABLE x (v BIGINT)");
    {
        Transaction tx(c, Transaction::Mode::kWrite);
        c.Exec("INSERT INTO x VALUES (1)");
    }
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM x"), 0);
    {
        Transaction tx(c, Transaction::Mode::kWrite);
        c.Exec("INSERT INTO x VALUES (1)");
        tx.Commit();
    }
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM x"), 1);
    EXPECT_FALSE(c.InTransaction());
}

TEST(Database, InnerTransactionsAreSavepoints) {
    testing::TempDb t;
    auto& c = t.conn();
    c.RunScript("CREATE TABLE x (v BIGINT)");
    {
        Transaction outer(c, Transaction::Mode::kWrite);
        {
            Transaction kept(c, Transaction::Mode::kWrite);
            c.Exec("INSERT INTO x VALUES (1)");
            kept.Commit();
        }
        {
            Transaction dropped(c, Transaction::Mode::kWrite);
            c.Exec("INSERT INTO x VALUES (2)");
        }
        EXPECT_EQ(c.QueryInt("SELECT count(*) FROM x"), 1);
        EXPECT_EQ(c.QueryInt("SELECT max(v) FROM x"), 1);
        outer.Commit();
    }
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM x"), 1);
    {
        // The outer scope rolling back takes its committed inner scopes with it: all or nothing.
        Transaction outer(c, Transaction::Mode::kWrite);
        Transaction inner(c, Transaction::Mode::kWrite);
        c.Exec("INSERT INTO x VALUES (3)");
        inner.Commit();
    }
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM x"), 1);
    EXPECT_FALSE(c.InTransaction());
    Transaction again(c, Transaction::Mode::kWrite);  // the depth is back to the outermost
    c.Exec("INSERT INTO x VALUES (4)");
    again.Commit();
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM x"), 2);
}

TEST(Database, ReservedIdsFollowEveryIdEverGiven) {
    testing::TempDb t;
    auto& c = t.conn();
    c.RunScript("CREATE TABLE k (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)");
    c.Exec("INSERT INTO k (v) VALUES ('a')");
    c.Exec("INSERT INTO k (v) VALUES ('b')");
    c.Exec("DELETE FROM k WHERE v = 'b'");  // id 2 was given once: never again
    Transaction tx(c, Transaction::Mode::kWrite);
    auto ids = c.ReserveIds("k", 3);
    ASSERT_EQ(ids, (std::vector<int64_t>{3, 4, 5}));
    for (int64_t id : ids) c.Exec("INSERT INTO k (id, v) VALUES (?, 'c')", id);
    EXPECT_THROW(c.ReserveIds("k; DROP TABLE k", 1), DbError);
    tx.Commit();
    c.Exec("INSERT INTO k (v) VALUES ('d')");
    EXPECT_EQ(c.QueryInt("SELECT id FROM k WHERE v = 'd'"), 6);
    EXPECT_THROW(c.ReserveIds("k", 1), DbError);  // outside a write transaction
}

TEST(Database, ConstraintViolationsAreClassified) {
    testing::TempDb t;
    auto& c = t.conn();
    c.RunScript("CREATE TABLE u (k TEXT UNIQUE)");
    c.Exec("INSERT INTO u VALUES ('a')");
    try {
        c.Exec("INSERT INTO u VALUES ('a')");
        FAIL() << "duplicate accepted";
    } catch (const DbError& e) {
        EXPECT_EQ(e.kind(), DbError::Kind::kUnique);
    }
    // The cached statement stays usable after a failure.
    c.Exec("INSERT INTO u VALUES ('b')");
    EXPECT_EQ(c.QueryInt("SELECT count(*) FROM u"), 2);
}

TEST(Database, EachThreadGetsItsOwnConnection) {
    testing::TempDb t;
    Connection* main_conn = &t.db().Local();
    Connection* other = nullptr;
    std::thread th([&] { other = &t.db().Local(); });
    th.join();
    EXPECT_NE(main_conn, other);
    EXPECT_EQ(main_conn, &t.db().Local());
}

TEST(Database, MigrationsAreAppliedOnce) {
    testing::TempDb t;
    EXPECT_EQ(Migrate(t.db()), 0);
    EXPECT_EQ(t.conn().QueryInt("SELECT count(*) FROM schema_migrations"),
              static_cast<int64_t>(EmbeddedMigrations().size()));
}

}  // namespace tongxin::db
