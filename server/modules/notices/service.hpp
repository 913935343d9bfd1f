#pragma once
// The notice board: announcements of a community that residents, group leaders and volunteers
// read in the app (/m/notices) and staff publish and withdraw on the workbench. Other modules
// publish through Publish() in their own transaction (the shuttle's booking notice).
#include <optional>
#include <string>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/notices/model.hpp"

namespace tongxin::notices {

class NoticeService {
  public:
    explicit NoticeService(db::Database& db) : db_(db) {}

    // Newest first; withdrawn ones only for staff who ask for them.
    db::Page<Notice> List(const auth::Principal& p, const NoticeFilter& f);
    int64_t Create(const auth::Principal& p, NoticeInput in, const audit::Actor& actor);
    void Withdraw(const auth::Principal& p, int64_t id, const audit::Actor& actor);

    // Validates and inserts within the caller's transaction; the community must be in the
    // principal's scope (422 otherwise). Audited.
    static int64_t Publish(db::Connection& conn, const auth::Principal& p, const NoticeInput& in,
                           const audit::Actor& actor);
    // Publishes a record's notice (in.source, in.source_id) in a transaction of its own, once:
    // 409 already_published (details.notice_id) while an earlier one has not been withdrawn.
    static int64_t PublishOnce(db::Database& db, const auth::Principal& p, const NoticeInput& in,
                               const audit::Actor& actor);

  private:
    db::Database& db_;
};

}  // namespace tongxin::notices
