#pragma once
// Numbered SQL migrations (server/migrations/NNNN_<domain>_<what>.sql), compiled into the binary
// and applied in order, each in its own transaction, recorded in schema_migrations.
// Dialect tokens in migration text: {{ID}} becomes the auto-increment primary key column type;
// {{POSTGRES}} … {{/POSTGRES}} is kept on PostgreSQL only.
#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace tongxin::db {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

const std::vector<Migration>& EmbeddedMigrations();

// Applies pending migrations; returns how many were applied.
int Migrate(Database& db);

}  // namespace tongxin::db
