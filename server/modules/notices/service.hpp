#pragma once
// The notice board: announcements of a community that residents, group leaders and volunteers
// read in the app (/m/notices) and staff publish and withdraw on the workbench. Other modules
// publish through Publish() in their own transaction (the shuttle's booking notice).
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

namespace tongxin::notices {

struct NoticeInput {
    int64_t community_id = 0;
    std::string title, body, link;
    std::string source;  // "" or the publishing record's kind ("shuttle_trip")
    std::optional<int64_t> source_id;
};

class NoticeService {
  public:
    explicit NoticeService(db::Database& db) : db_(db) {}

    // Newest first; withdrawn ones only for staff who ask for them.
    boost::json::object List(const auth::Principal& p, std::optional<int64_t> community, bool withdrawn, int64_t limit,
                             int64_t offset, std::optional<int64_t> id = std::nullopt);
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
