// PostgreSQL backend over libpq: one connection per thread, statements prepared once per
// connection, `?` placeholders rewritten to $n.
#include <libpq-fe.h>

#include <charconv>
#include <unordered_map>

#include "core/db/database.hpp"

namespace tongxin::db {
namespace {

// Rewrites `?` to `$1..$n`, leaving quoted literals and identifiers alone.
std::string RewritePlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    char quote = 0;
    for (char ch : sql) {
        if (quote) {
            if (ch == quote) quote = 0;
            out += ch;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
            out += ch;
        } else if (ch == '?') {
            out += '$';
            out += std::to_string(++n);
        } else {
            out += ch;
        }
    }
    return out;
}

DbError::Kind KindOf(const PGresult* res) {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    if (!state) return DbError::Kind::kOther;
    std::string_view s(state);
    // An exclusion constraint is a uniqueness over ranges (a room's bookings): the same kind.
    if (s == "23505" || s == "23P01") return DbError::Kind::kUnique;
    if (s == "23503") return DbError::Kind::kForeignKey;
    if (s == "23514" || s == "23502") return DbError::Kind::kCheck;
    if (s == "40001" || s == "40P01" || s == "55P03") return DbError::Kind::kBusy;
    return DbError::Kind::kOther;
}

void IgnoreNotice(void*, const char*) {}

// Throws DbError (and frees the result) unless the command succeeded.
void Check(PGresult* res, const std::string& context = "") {
    auto status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    std::string msg = PQresultErrorMessage(res);
    auto kind = KindOf(res);
    PQclear(res);
    throw DbError(kind, msg + context);
}

class PgConnection final : public Connection {
  public:
    explicit PgConnection(const std::string& url) {
        conn_ = PQconnectdb(url.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string msg = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw DbError(DbError::Kind::kOther, "cannot connect to PostgreSQL: " + msg);
        }
        PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
        RunScript("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
    }
    ~PgConnection() override { PQfinish(conn_); }

    Backend backend() const override { return Backend::kPostgres; }
    bool InTransaction() const override { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

    void RunScript(std::string_view sql) override {
        PGresult* res = PQexec(conn_, std::string(sql).c_str());
        Check(res);
        PQclear(res);
    }

    int64_t RunInsert(std::string_view sql, const std::vector<Value>& params) override {
        Rows rows = Run(std::string(sql) + " RETURNING id", params);
        return rows.at(0).Int(0);
    }

    std::vector<int64_t> ReserveIds(std::string_view table, size_t count) override {
        std::vector<int64_t> ids;
        ids.reserve(count);
        for (const auto& r : Query("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?::bigint)",
                                   QuotedName(std::string(table)), static_cast<int64_t>(count))) {
            ids.push_back(r.Int(0));
        }
        return ids;
    }

    Rows Run(std::string_view sql, const std::vector<Value>& params) override {
        const std::string& name = Prepare(sql, static_cast<int>(params.size()));
        std::vector<std::string> texts(params.size());
        std::vector<const char*> ptrs(params.size(), nullptr);
        std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);  // text, or binary for a Blob
        for (size_t i = 0; i < params.size(); ++i) {
            const Value& v = params[i];
            if (auto p = std::get_if<int64_t>(&v)) {
                texts[i] = std::to_string(*p);
            } else if (auto d = std::get_if<double>(&v)) {
                char buf[64];
                auto r = std::to_chars(buf, buf + sizeof buf, *d);
                texts[i].assign(buf, r.ptr);
            } else if (auto s = std::get_if<std::string>(&v)) {
                texts[i] = *s;
            } else if (auto b = std::get_if<Blob>(&v)) {
                texts[i] = b->bytes;
                lengths[i] = static_cast<int>(b->bytes.size());
                formats[i] = 1;
            } else {
                continue;
            }
            ptrs[i] = texts[i].c_str();
        }
        PGresult* res = PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), ptrs.data(),
                                       lengths.data(), formats.data(), 0);
        Check(res);
        Rows rows;
        int nrows = PQntuples(res);
        int ncols = PQnfields(res);
        rows.reserve(nrows);
        auto names = std::make_shared<std::vector<std::string>>();
        if (nrows > 0) {
            for (int c = 0; c < ncols; ++c) names->emplace_back(PQfname(res, c));
        }
        for (int r = 0; r < nrows; ++r) {
            std::vector<Value> values;
            values.reserve(ncols);
            for (int c = 0; c < ncols; ++c) {
                if (PQgetisnull(res, r, c)) {
                    values.emplace_back(std::monostate{});
                    continue;
                }
                const char* text = PQgetvalue(res, r, c);
                switch (PQftype(res, c)) {
                    case 20:
                    case 21:
                    case 23:
                        values.emplace_back(int64_t{std::stoll(text)});
                        break;
                    case 700:
                    case 701:
                    case 1700:
                        values.emplace_back(std::stod(text));
                        break;
                    case 16:
                        values.emplace_back(int64_t{text[0] == 't' ? 1 : 0});
                        break;
                    case 17: {  // bytea, as \x… hex in text results
                        size_t size = 0;
                        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
                        if (!bytes) throw DbError(DbError::Kind::kOther, "bytea value could not be decoded");
                        values.emplace_back(std::string(reinterpret_cast<const char*>(bytes), size));
                        PQfreemem(bytes);
                        break;
                    }
                    default:
                        values.emplace_back(std::string(text, PQgetlength(res, r, c)));
                }
            }
            rows.emplace_back(std::move(values), names);
        }
        PQclear(res);
        return rows;
    }

  private:
    const std::string& Prepare(std::string_view sql, int nparams) {
        auto it = names_.find(std::string(sql));
        if (it != names_.end()) return it->second;
        std::string name = "s" + std::to_string(names_.size() + 1);
        std::string text = RewritePlaceholders(sql);
        PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
        Check(res, " in: " + text);
        PQclear(res);
        return names_.emplace(std::string(sql), name).first->second;
    }

    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> names_;
};

class PgDatabase final : public PerThreadDatabase {
  public:
    explicit PgDatabase(std::string url) : PerThreadDatabase(std::move(url)) { Local(); }
    Backend backend() const override { return Backend::kPostgres; }

  protected:
    std::unique_ptr<Connection> Connect() override { return std::make_unique<PgConnection>(url()); }
};

}  // namespace

std::unique_ptr<Database> OpenPostgres(const std::string& url) { return std::make_unique<PgDatabase>(url); }

}  // namespace tongxin::db
