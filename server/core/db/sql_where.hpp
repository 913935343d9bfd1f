#pragma once
// SqlWhere: a WHERE clause assembled from fixed clause literals (never from input) with their
// bound values, for list endpoints whose filters are optional.
#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace tongxin::db {

class SqlWhere {
  public:
    // `clause` must be a literal with as many `?` as values given.
    template <typename... Args>
    SqlWhere& Add(const char* clause, const Args&... args) {
        clauses_.emplace_back(clause);
        (values_.push_back(detail::ToValue(args)), ...);
        return *this;
    }
    SqlWhere& AddScope(const std::string& fixed_clause, int64_t value) {
        clauses_.push_back(fixed_clause);
        values_.push_back(value);
        return *this;
    }
    std::string Sql() const {
        if (clauses_.empty()) return "";
        std::string out = " WHERE ";
        for (size_t i = 0; i < clauses_.size(); ++i) {
            if (i) out += " AND ";
            out += "(" + clauses_[i] + ")";
        }
        return out;
    }
    const std::vector<Value>& values() const { return values_; }
    std::vector<Value> With(std::initializer_list<Value> more) const {
        std::vector<Value> v = values_;
        v.insert(v.end(), more.begin(), more.end());
        return v;
    }

  private:
    std::vector<std::string> clauses_;
    std::vector<Value> values_;
};

}  // namespace tongxin::db
