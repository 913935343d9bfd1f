// SQLite backend: one connection per thread, WAL, foreign keys on, a busy timeout, and a cache
// of prepared statements per connection.
#include <sqlite3.h>

#include <unordered_map>

#include "core/db/database.hpp"

namespace tongxin::db {
namespace {

DbError::Kind KindOf(int extended) {
    switch (extended) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return DbError::Kind::kUnique;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return DbError::Kind::kForeignKey;
        case SQLITE_CONSTRAINT_CHECK:
        case SQLITE_CONSTRAINT_NOTNULL:
            return DbError::Kind::kCheck;
        default:
            break;
    }
    if ((extended & 0xff) == SQLITE_BUSY || (extended & 0xff) == SQLITE_LOCKED) return DbError::Kind::kBusy;
    return DbError::Kind::kOther;
}

class SqliteConnection final : public Connection {
  public:
    explicit SqliteConnection(const std::string& path) {
        int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
        if (rc != SQLITE_OK) {
            std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            throw DbError(DbError::Kind::kOther, "cannot open " + path + ": " + msg);
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, 10000);
        RunScript(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
    }

    ~SqliteConnection() override {
        for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
        sqlite3_close_v2(db_);
    }

    Backend backend() const override { return Backend::kSqlite; }
    bool InTransaction() const override { return sqlite3_get_autocommit(db_) == 0; }
    sqlite3* handle() { return db_; }

    void RunScript(std::string_view sql) override {
        char* err = nullptr;
        std::string text(sql);
        if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::string msg = err ? err : "unknown error";
            sqlite3_free(err);
            throw DbError(KindOf(sqlite3_extended_errcode(db_)), msg);
        }
    }

    Rows Run(std::string_view sql, const std::vector<Value>& params) override {
        sqlite3_stmt* stmt = Prepare(sql);
        for (size_t i = 0; i < params.size(); ++i) {
            int idx = static_cast<int>(i + 1);
            const Value& v = params[i];
            if (auto p = std::get_if<int64_t>(&v)) {
                sqlite3_bind_int64(stmt, idx, *p);
            } else if (auto d = std::get_if<double>(&v)) {
                sqlite3_bind_double(stmt, idx, *d);
            } else if (auto s = std::get_if<std::string>(&v)) {
                sqlite3_bind_text(stmt, idx, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
            } else if (auto b = std::get_if<Blob>(&v)) {
                sqlite3_bind_blob64(stmt, idx, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
            } else {
                sqlite3_bind_null(stmt, idx);
            }
        }
        Rows rows;
        int cols = sqlite3_column_count(stmt);
        Row::Names names = ColumnNames(stmt, cols);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            std::vector<Value> values;
            values.reserve(cols);
            for (int c = 0; c < cols; ++c) {
                switch (sqlite3_column_type(stmt, c)) {
                    case SQLITE_INTEGER:
                        values.emplace_back(int64_t{sqlite3_column_int64(stmt, c)});
                        break;
                    case SQLITE_FLOAT:
                        values.emplace_back(sqlite3_column_double(stmt, c));
                        break;
                    case SQLITE_NULL:
                        values.emplace_back(std::monostate{});
                        break;
                    case SQLITE_BLOB: {
                        // An empty blob has no pointer.
                        auto bytes = static_cast<const char*>(sqlite3_column_blob(stmt, c));
                        const auto size = static_cast<size_t>(sqlite3_column_bytes(stmt, c));
                        values.emplace_back(bytes ? std::string(bytes, size) : std::string());
                        break;
                    }
                    default: {
                        auto text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                        values.emplace_back(std::string(text, sqlite3_column_bytes(stmt, c)));
                    }
                }
            }
            rows.emplace_back(std::move(values), names);
        }
        int ext = sqlite3_extended_errcode(db_);
        std::string msg = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (rc != SQLITE_DONE) throw DbError(KindOf(ext), msg);
        return rows;
    }

    int64_t RunInsert(std::string_view sql, const std::vector<Value>& params) override {
        Run(sql, params);
        return sqlite3_last_insert_rowid(db_);
    }

    std::vector<int64_t> ReserveIds(std::string_view table, size_t count) override {
        if (!InTransaction()) throw DbError(DbError::Kind::kOther, "ReserveIds needs a write transaction");
        // AUTOINCREMENT never reuses an id, even of a row removed since: start above both.
        const std::string name(table);
        int64_t last = std::max(QueryInt("SELECT seq FROM sqlite_sequence WHERE name = ?", name),
                                QueryInt("SELECT MAX(id) FROM " + QuotedName(name)));
        std::vector<int64_t> ids(count);
        for (size_t i = 0; i < count; ++i) ids[i] = last + 1 + static_cast<int64_t>(i);
        return ids;
    }

  private:
    // A statement's column names, read once per prepared statement.
    Row::Names ColumnNames(sqlite3_stmt* stmt, int cols) {
        Row::Names& names = names_[stmt];
        if (!names) {
            auto list = std::make_shared<std::vector<std::string>>();
            for (int c = 0; c < cols; ++c) list->emplace_back(sqlite3_column_name(stmt, c));
            names = std::move(list);
        }
        return names;
    }

    sqlite3_stmt* Prepare(std::string_view sql) {
        auto it = cache_.find(std::string(sql));
        if (it != cache_.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                               nullptr) != SQLITE_OK) {
            throw DbError(KindOf(sqlite3_extended_errcode(db_)),
                          std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql));
        }
        cache_.emplace(std::string(sql), stmt);
        return stmt;
    }

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
    std::unordered_map<sqlite3_stmt*, Row::Names> names_;
};

class SqliteDatabase final : public PerThreadDatabase {
  public:
    explicit SqliteDatabase(std::string path) : PerThreadDatabase(std::move(path)) {
        Local();  // fail early on a bad path
    }
    Backend backend() const override { return Backend::kSqlite; }

  protected:
    std::unique_ptr<Connection> Connect() override { return std::make_unique<SqliteConnection>(url()); }
};

}  // namespace

std::unique_ptr<Database> OpenSqlite(const std::string& path) { return std::make_unique<SqliteDatabase>(path); }

// Online, consistent copy of one SQLite database into another with the backup API.
void SqliteCopy(const std::string& from, const std::string& to) {
    sqlite3* src = nullptr;
    sqlite3* dst = nullptr;
    auto fail = [&](const std::string& what) {
        std::string msg = what + ": " + (dst ? sqlite3_errmsg(dst) : src ? sqlite3_errmsg(src) : "");
        sqlite3_close(src);
        sqlite3_close(dst);
        throw DbError(DbError::Kind::kOther, msg);
    };
    if (sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) fail("cannot open " + from);
    if (sqlite3_open(to.c_str(), &dst) != SQLITE_OK) fail("cannot open " + to);
    sqlite3_busy_timeout(src, 10000);
    sqlite3_busy_timeout(dst, 10000);
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) fail("backup init failed");
    int rc;
    while ((rc = sqlite3_backup_step(b, 1024)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        sqlite3_sleep(5);
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) fail("backup failed");
    sqlite3_close(src);
    sqlite3_close(dst);
}

}  // namespace tongxin::db
