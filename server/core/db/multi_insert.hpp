#pragma once

#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace tongxin::db {

// Writes many rows into one table with multi-row INSERT statements of `per_statement` rows
// each: a large import then runs one statement per batch instead of one per row (SQLite's
// per-statement cost — bytecode start-up, statement journal — was about a sixth of an
// import's time). Rows left when Flush() is called go in one row per statement, so only two
// statement texts are ever prepared and cached. Call Flush() before reading what was written.
class MultiInsert {
  public:
    // `head` is "INSERT INTO t (a, b, c)"; every row has `columns` values.
    MultiInsert(Connection& conn, std::string head, size_t columns, size_t per_statement)
        : conn_(conn), head_(std::move(head)), columns_(columns), per_statement_(per_statement) {
        values_.reserve(columns_ * per_statement_);
    }
    MultiInsert(const MultiInsert&) = delete;
    MultiInsert& operator=(const MultiInsert&) = delete;

    template <typename... Args>
    void Add(const Args&... args) {
        static_assert(sizeof...(Args) > 0);
        (values_.push_back(detail::ToValue(args)), ...);
        Added();
    }
    void AddRow(std::vector<Value> row) {
        for (auto& v : row) values_.push_back(std::move(v));
        Added();
    }
    void Flush() {
        if (values_.empty()) return;
        const std::string one = Sql(1);
        std::vector<Value> row(columns_);
        for (size_t start = 0; start < values_.size(); start += columns_) {
            for (size_t c = 0; c < columns_; ++c) row[c] = std::move(values_[start + c]);
            conn_.Run(one, row);
        }
        values_.clear();
    }

  private:
    void Added() {
        if (values_.size() % columns_ != 0)
            throw DbError(DbError::Kind::kOther, "row of the wrong width for: " + head_);
        if (values_.size() < columns_ * per_statement_) return;
        if (full_sql_.empty()) full_sql_ = Sql(per_statement_);
        conn_.Run(full_sql_, values_);
        values_.clear();
    }
    std::string Sql(size_t rows) const {
        std::string one = "(";
        for (size_t c = 0; c < columns_; ++c) one += c == 0 ? "?" : ", ?";
        one += ")";
        std::string sql = head_ + " VALUES ";
        for (size_t r = 0; r < rows; ++r) sql += (r == 0 ? "" : ", ") + one;
        return sql;
    }

    Connection& conn_;
    std::string head_;
    size_t columns_, per_statement_;
    std::vector<Value> values_;
    std::string full_sql_;
};

}  // namespace tongxin::db
