#include "core/db/database.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <unordered_map>

namespace tongxin::db {

std::string QuotedName(const std::string& name) {
    bool ok = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
    for (char c : name) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok) throw DbError(DbError::Kind::kOther, "not a plain SQL name: " + name);
    return "\"" + name + "\"";
}

size_t Row::Index(std::string_view name) const {
    if (names_) {
        for (size_t i = 0; i < names_->size(); ++i) {
            if ((*names_)[i] == name) return i;
        }
    }
    throw std::logic_error("the statement returns no column named " + std::string(name));
}

const std::vector<std::string>& Row::ColumnNames() const {
    static const std::vector<std::string> kNone;
    return names_ ? *names_ : kNone;
}

int64_t Row::Int(size_t i) const {
    const Value& v = values_.at(i);
    if (auto p = std::get_if<int64_t>(&v)) return *p;
    if (auto p = std::get_if<double>(&v)) return static_cast<int64_t>(*p);
    if (auto p = std::get_if<std::string>(&v)) return std::stoll(*p);
    return 0;
}

double Row::Real(size_t i) const {
    const Value& v = values_.at(i);
    if (auto p = std::get_if<double>(&v)) return *p;
    if (auto p = std::get_if<int64_t>(&v)) return static_cast<double>(*p);
    if (auto p = std::get_if<std::string>(&v)) return std::stod(*p);
    return 0;
}

std::string Row::Str(size_t i) const {
    const Value& v = values_.at(i);
    if (auto p = std::get_if<std::string>(&v)) return *p;
    if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
    return {};
}

std::optional<int64_t> Row::OptInt(size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
}

std::optional<std::string> Row::OptStr(size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Str(i);
}

Transaction::Transaction(Connection& conn, Mode mode) : conn_(conn), depth_(conn.transaction_depth_) {
    if (depth_ > 0) {
        conn_.Run("SAVEPOINT tx_" + std::to_string(depth_), {});
    } else if (conn_.backend() == Backend::kSqlite) {
        conn_.Run(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN", {});
    } else {
        conn_.Run("BEGIN", {});
    }
    ++conn_.transaction_depth_;
}

Transaction::~Transaction() {
    if (done_) return;
    --conn_.transaction_depth_;
    try {
        if (depth_ > 0) {
            std::string name = "tx_" + std::to_string(depth_);
            conn_.Run("ROLLBACK TO SAVEPOINT " + name, {});
            conn_.Run("RELEASE SAVEPOINT " + name, {});
        } else {
            conn_.Run("ROLLBACK", {});
        }
    } catch (const std::exception& e) {
        spdlog::error("rollback failed: {}", e.what());
    }
}

void Transaction::Commit() {
    conn_.Run(depth_ > 0 ? "RELEASE SAVEPOINT tx_" + std::to_string(depth_) : std::string("COMMIT"), {});
    --conn_.transaction_depth_;
    done_ = true;
}

namespace {
std::atomic<uint64_t> next_database_id{1};
}  // namespace

PerThreadDatabase::PerThreadDatabase(std::string url) : url_(std::move(url)), id_(next_database_id++) {}

PerThreadDatabase::~PerThreadDatabase() {
    std::lock_guard lock(mu_);
    owned_.clear();
}

Connection& PerThreadDatabase::Local() {
    // Keyed by a never-reused id, so a thread's entry for a destroyed database is never found.
    thread_local std::unordered_map<uint64_t, Connection*> mine;
    auto it = mine.find(id_);
    if (it != mine.end()) return *it->second;
    std::unique_ptr<Connection> conn = Connect();
    Connection* raw = conn.get();
    {
        std::lock_guard lock(mu_);
        owned_.push_back(std::move(conn));
    }
    mine[id_] = raw;
    return *raw;
}

std::unique_ptr<Database> OpenSqlite(const std::string& path);
std::unique_ptr<Database> OpenPostgres(const std::string& url);

std::unique_ptr<Database> OpenDatabase(const std::string& url) {
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return OpenPostgres(url);
    return OpenSqlite(url);
}

}  // namespace tongxin::db
