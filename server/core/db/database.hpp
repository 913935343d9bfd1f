#pragma once
// The one database interface every module uses. Two backends (SQLite, PostgreSQL) implement it.
// SQL is written once with `?` placeholders in the subset both engines share; the PostgreSQL
// backend rewrites them to $1..$n. Values are bound, never spliced into SQL text.
//
// Threading: a Database hands each thread its own Connection (Database::Local()); a Connection
// is never shared between threads. Prepared statements are cached per connection.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tongxin::db {

// Binary data (a photo): bound as a BLOB (SQLite) or bytea (PostgreSQL), read back with Row::Str.
struct Blob {
    std::string bytes;
    bool operator==(const Blob&) const = default;
};
using Value = std::variant<std::monostate, int64_t, double, std::string, Blob>;

enum class Backend { kSqlite, kPostgres };

// A failed statement. `kind` lets services turn constraint violations into 409s.
class DbError : public std::runtime_error {
  public:
    enum class Kind { kOther, kUnique, kForeignKey, kCheck, kBusy };
    DbError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
    Kind kind() const { return kind_; }

  private:
    Kind kind_;
};

// A materialised result. Columns are addressed by name (the column or its alias, as the SELECT
// names it) in the one mapping a module keeps per struct; by index only where a statement
// returns a single value. A name the statement does not return is a programming error
// (std::logic_error, answered as 500).
class Row {
  public:
    using Names = std::shared_ptr<const std::vector<std::string>>;
    explicit Row(std::vector<Value> values, Names names = nullptr)
        : values_(std::move(values)), names_(std::move(names)) {}
    bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
    int64_t Int(size_t i) const;
    double Real(size_t i) const;
    std::string Str(size_t i) const;
    std::optional<int64_t> OptInt(size_t i) const;
    std::optional<std::string> OptStr(size_t i) const;
    const Value& At(size_t i) const { return values_.at(i); }
    size_t Size() const { return values_.size(); }

    size_t Index(std::string_view name) const;
    // The columns' names in SELECT order (empty for rows built without them).
    const std::vector<std::string>& ColumnNames() const;
    bool IsNull(std::string_view name) const { return IsNull(Index(name)); }
    int64_t Int(std::string_view name) const { return Int(Index(name)); }
    double Real(std::string_view name) const { return Real(Index(name)); }
    bool Bool(std::string_view name) const { return Int(Index(name)) != 0; }
    std::string Str(std::string_view name) const { return Str(Index(name)); }
    std::optional<int64_t> OptInt(std::string_view name) const { return OptInt(Index(name)); }
    std::optional<std::string> OptStr(std::string_view name) const { return OptStr(Index(name)); }

  private:
    std::vector<Value> values_;
    Names names_;
};

using Rows = std::vector<Row>;

namespace detail {
inline Value ToValue(std::nullptr_t) { return std::monostate{}; }
inline Value ToValue(bool v) { return int64_t{v ? 1 : 0}; }
inline Value ToValue(int v) { return int64_t{v}; }
inline Value ToValue(long v) { return int64_t{v}; }
inline Value ToValue(long long v) { return int64_t{v}; }
inline Value ToValue(unsigned v) { return int64_t{v}; }
inline Value ToValue(double v) { return v; }
inline Value ToValue(const char* v) { return std::string(v); }
inline Value ToValue(std::string_view v) { return std::string(v); }
inline Value ToValue(const std::string& v) { return v; }
inline Value ToValue(Blob v) { return v; }
inline Value ToValue(const Value& v) { return v; }
template <typename T>
Value ToValue(const std::optional<T>& v) {
    return v ? ToValue(*v) : Value{std::monostate{}};
}
}  // namespace detail

// A table or column name for SQL text, double-quoted; throws unless it is a plain lower-case
// identifier (names come from code, never from requests).
std::string QuotedName(const std::string& name);

class Connection {
  public:
    virtual ~Connection() = default;
    virtual Backend backend() const = 0;
    // Runs one statement with bound parameters and returns all rows.
    virtual Rows Run(std::string_view sql, const std::vector<Value>& params) = 0;
    // Runs a script of several statements without parameters (migrations).
    virtual void RunScript(std::string_view sql) = 0;
    virtual bool InTransaction() const = 0;
    // Runs an INSERT into a table with an `id` key and returns the new row's id. SQLite reads
    // last_insert_rowid() (RETURNING costs SQLite a temporary table per statement, which
    // doubled the time of large imports); PostgreSQL appends RETURNING id.
    virtual int64_t RunInsert(std::string_view sql, const std::vector<Value>& params) = 0;
    // Reserves `count` new ids of `table` (its `id` key) for rows the caller inserts with
    // explicit ids in multi-row statements. Call inside a write transaction: SQLite then holds
    // the database's write lock, so max(id) + 1... stay free; PostgreSQL draws them from the
    // table's identity sequence.
    virtual std::vector<int64_t> ReserveIds(std::string_view table, size_t count) = 0;

    template <typename... Args>
    Rows Query(std::string_view sql, const Args&... args) {
        return Run(sql, std::vector<Value>{detail::ToValue(args)...});
    }
    template <typename... Args>
    std::optional<Row> QueryOne(std::string_view sql, const Args&... args) {
        Rows rows = Query(sql, args...);
        if (rows.empty()) return std::nullopt;
        return std::move(rows.front());
    }
    template <typename... Args>
    int64_t QueryInt(std::string_view sql, const Args&... args) {
        Rows rows = Query(sql, args...);
        return rows.empty() || rows.front().IsNull(0) ? 0 : rows.front().Int(0);
    }
    // Appended to a SELECT that must lock its rows until the transaction ends: PostgreSQL needs
    // FOR UPDATE; SQLite's write transactions (BEGIN IMMEDIATE) already exclude other writers.
    std::string_view ForUpdate() const { return backend() == Backend::kPostgres ? " FOR UPDATE" : ""; }
    template <typename... Args>
    int64_t Insert(std::string_view sql, const Args&... args) {
        return RunInsert(sql, std::vector<Value>{detail::ToValue(args)...});
    }
    template <typename... Args>
    void Exec(std::string_view sql, const Args&... args) {
        Run(sql, std::vector<Value>{detail::ToValue(args)...});
    }

  private:
    friend class Transaction;
    int transaction_depth_ = 0;  // open Transaction scopes on this connection
};

class Database {
  public:
    virtual ~Database() = default;
    virtual Backend backend() const = 0;
    // The calling thread's connection, opened on first use.
    virtual Connection& Local() = 0;
    // A new connection owned by the caller (CLI tools, tests).
    virtual std::unique_ptr<Connection> Open() = 0;
    virtual const std::string& url() const = 0;
};

// A Database that opens one connection per thread on first use and closes them all when it
// is destroyed. Backends supply Connect().
class PerThreadDatabase : public Database {
  public:
    explicit PerThreadDatabase(std::string url);
    ~PerThreadDatabase() override;
    Connection& Local() override;
    std::unique_ptr<Connection> Open() override { return Connect(); }
    const std::string& url() const override { return url_; }

  protected:
    virtual std::unique_ptr<Connection> Connect() = 0;

  private:
    std::string url_;
    uint64_t id_;
    std::mutex mu_;
    std::vector<std::unique_ptr<Connection>> owned_;
};

// "postgresql://..." or "postgres://..." opens PostgreSQL; anything else is an SQLite file path.
std::unique_ptr<Database> OpenDatabase(const std::string& url);

// A transaction scope. Write transactions on SQLite begin IMMEDIATE so that the write lock is
// taken up front; on PostgreSQL they run at READ COMMITTED and lock rows explicitly where
// needed. Rolls back unless Commit() was called. A Transaction opened inside another on the
// same connection is a savepoint: it rolls back alone, and its work is kept only if the outer
// one commits (an import runs each row's own service call inside one transaction for the file).
class Transaction {
  public:
    enum class Mode { kRead, kWrite };
    Transaction(Connection& conn, Mode mode);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void Commit();
    Connection& conn() { return conn_; }

  private:
    Connection& conn_;
    int depth_;  // 0: the outermost scope (BEGIN/COMMIT); else savepoint tx_<depth_>
    bool done_ = false;
};

}  // namespace tongxin::db
