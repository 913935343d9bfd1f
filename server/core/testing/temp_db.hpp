#pragma once
// TempDb: a migrated SQLite database in a temporary file, removed when the test ends.
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/audit/audit.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/database.hpp"
#include "core/db/migrator.hpp"

namespace tongxin::testing {

class TempDb {
  public:
    TempDb() {
        char tmpl[] = "/tmp/tongxin-unit-XXXXXX";
        dir_ = mkdtemp(tmpl);
        audit::UseKey(crypto::Vault::ForTests().AuditKey());
        db_ = db::OpenDatabase(dir_ + "/test.db");
        db::Migrate(*db_);
    }
    ~TempDb() {
        db_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    db::Database& db() { return *db_; }
    db::Connection& conn() { return db_->Local(); }
    const std::string& dir() const { return dir_; }

  private:
    std::string dir_;
    std::unique_ptr<db::Database> db_;
};

}  // namespace tongxin::testing
