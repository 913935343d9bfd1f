// The museum's catalogue (what a community museum keeps of each exhibit: ethnic group, category,
// materials, provenance, where it stands), its condition checks and loans, and the public
// catalogue residents and visitors browse without logging in.
#include "core/error/app_error.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/culture/rules.hpp"
#include "modules/culture/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::culture {

namespace {

constexpr db::ListSql kExhibitList{
    .columns = R"sql(o.id, o.venue_id, o.community_id, o.number, o.title, o.ethnicity, o.category, o.description,
       o.materials, o.dimensions, o.provenance, o.source_name, o.source_resident_id, o.source_consent, o.acquired_on,
       o.agreement, o.room_id, coalesce(r.name, '') AS room, o.showcase, o.status,
       (SELECT c.condition FROM exhibit_checks c WHERE c.exhibit_id = o.id ORDER BY c.checked_on DESC, c.id DESC
        LIMIT 1) AS last_condition)sql",
    .from = "exhibits o LEFT JOIN rooms r ON r.id = o.room_id",
    .order_by = "o.number, o.id",
    .count_from = "exhibits o",
};

Exhibit ExhibitOf(const db::Row& r) {
    return {.id = r.Int("id"),
            .venue_id = r.Int("venue_id"),
            .community_id = r.Int("community_id"),
            .room_id = r.OptInt("room_id"),
            .source_resident_id = r.OptInt("source_resident_id"),
            .number = r.Str("number"),
            .title = r.Str("title"),
            .ethnicity = r.Str("ethnicity"),
            .category = r.Str("category"),
            .description = r.Str("description"),
            .materials = r.Str("materials"),
            .dimensions = r.Str("dimensions"),
            .provenance = r.Str("provenance"),
            .source_name = r.Str("source_name"),
            .agreement = r.Str("agreement"),
            .showcase = r.Str("showcase"),
            .status = r.Str("status"),
            .room = r.Str("room"),
            .acquired_on = r.OptStr("acquired_on"),
            .last_condition = r.OptStr("last_condition"),
            .source_consent = r.Bool("source_consent")};
}

void Filter(db::SqlWhere& where, const ExhibitFilter& f) {
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.venue) where.Add("o.venue_id = ?", *f.venue);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (!f.ethnicity.empty()) where.Add("o.ethnicity = ?", f.ethnicity);
    if (!f.category.empty()) where.Add("o.category = ?", f.category);
    if (!f.status.empty()) where.Add("o.status = ?", f.status);
    if (!f.q.empty()) where.Add("(o.title LIKE ? OR o.number LIKE ?)", "%" + f.q + "%", f.q + "%");
}

// Checks an exhibit against its venue's community; returns that venue's street and community.
std::pair<int64_t, int64_t> CheckExhibit(db::Connection& conn, const auth::Principal& p, const ExhibitInput& in,
                                         std::optional<int64_t> id) {
    FieldErrors errors;
    if (in.number.empty()) errors.Add("number", "required");
    if (in.title.empty()) errors.Add("title", "required");
    if (!text::FindCode(text::Ethnicities(), in.ethnicity)) errors.Add("ethnicity", "invalid_ethnicity");
    if (!util::IsOneOf(in.category, {"costume", "craft", "instrument", "document", "photograph", "other"}))
        errors.Add("category", "invalid_choice");
    if (!util::IsOneOf(in.provenance, {"donated", "lent", "purchased", "made"}))
        errors.Add("provenance", "invalid_choice");
    if (!util::IsOneOf(in.status, {"on_display", "in_store", "on_loan", "returned"}))
        errors.Add("status", "invalid_choice");
    if ((in.provenance == "donated" || in.provenance == "lent") && in.source_name.empty() && !in.source_resident_id)
        errors.Add("source_name", "required");
    if (in.acquired_on && !time::IsValidDate(*in.acquired_on)) errors.Add("acquired_on", "invalid_date");
    errors.ThrowIfAny();
    db::SqlWhere where = Visible(conn, p);
    where.Add("o.id = ?", in.venue_id);
    auto venue = conn.Run("SELECT o.street_id, o.community_id FROM venues o" + where.Sql(), where.values());
    if (venue.empty()) throw AppError::Field("venue_id", "not_found");
    const int64_t community = venue.front().Int("community_id");
    if (in.room_id &&
        conn.QueryInt("SELECT count(*) FROM rooms WHERE id = ? AND venue_id = ?", *in.room_id, in.venue_id) == 0)
        errors.Add("room_id", "not_found");
    if (in.source_resident_id && !residents::LivesInCommunity(conn, *in.source_resident_id, community))
        errors.Add("source_resident_id", "not_in_community");
    if (conn.QueryInt("SELECT count(*) FROM exhibits WHERE community_id = ? AND number = ? AND id <> ?", community,
                      in.number, id.value_or(0)))
        errors.Add("number", "duplicate_number");
    errors.ThrowIfAny();
    return {venue.front().Int("street_id"), community};
}

}  // namespace

db::Page<Exhibit> CultureService::Exhibits(const auth::Principal& p, const ExhibitFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(conn, p);
    Filter(where, f);
    auto page = db::ListPage<Exhibit>(conn, kExhibitList, where, f.page, ExhibitOf);
    if (f.id) {
        for (Exhibit& e : page.items) {
            for (const auto& r :
                 conn.Query("SELECT id, checked_on, condition, note FROM exhibit_checks WHERE exhibit_id = ? ORDER BY "
                            "checked_on DESC, id DESC",
                            e.id))
                e.checks.push_back({r.Int("id"), r.Str("checked_on"), r.Str("condition"), r.Str("note")});
            const std::string today = time::Today();
            for (const auto& r : conn.Query("SELECT id, direction, party, from_date, due_on, returned_on, note FROM "
                                            "exhibit_loans WHERE exhibit_id = ? ORDER BY from_date DESC, id DESC",
                                            e.id)) {
                Loan l{r.Int("id"),     r.Str("direction"), r.Str("party"),          r.Str("from_date"),
                       r.Str("due_on"), r.Str("note"),      r.OptStr("returned_on"), false};
                l.overdue = !l.returned_on && l.due_on < today;
                e.loans.push_back(std::move(l));
            }
        }
    }
    media::AttachPhotos(conn, kExhibitPhotos, page.items);
    return page;
}

db::Page<Exhibit> CultureService::PublicExhibits(int64_t community, const ExhibitFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where;
    where.Add("o.community_id = ?", community).Add(kPublicExhibits);
    ExhibitFilter g = f;
    g.community = std::nullopt;
    g.id = f.id;
    Filter(where, g);
    auto page = db::ListPage<Exhibit>(conn, kExhibitList, where, f.page, ExhibitOf);
    for (Exhibit& e : page.items) {
        // What the public sees: no agreement, no resident link; the lender or donor only with consent.
        if (!e.source_consent) e.source_name.clear();
        e.source_resident_id = std::nullopt;
        e.agreement.clear();
        e.last_condition = std::nullopt;
    }
    media::AttachPhotos(conn, kExhibitPhotos, page.items);
    return page;
}

int64_t CultureService::AddExhibit(const auth::Principal& p, const ExhibitInput& in, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto [street, community] = CheckExhibit(conn, p, in, std::nullopt);
    const int64_t now = time::NowUnix();
    int64_t id = conn.Insert(
        "INSERT INTO exhibits (venue_id, street_id, community_id, number, title, ethnicity, category, description, "
        "materials, dimensions, provenance, source_name, source_resident_id, source_consent, acquired_on, agreement, "
        "room_id, showcase, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?)",
        in.venue_id, street, community, in.number, in.title, in.ethnicity, in.category, in.description, in.materials,
        in.dimensions, in.provenance, in.source_name, in.source_resident_id, in.source_consent, in.acquired_on,
        in.agreement, in.room_id, in.showcase, in.status, now, now);
    audit::Append(
        conn, actor,
        {"culture.exhibit.created", "exhibit", std::to_string(id), true, {{"number", in.number}, {"title", in.title}}});
    tx.Commit();
    return id;
}

void CultureService::UpdateExhibit(const auth::Principal& p, int64_t id, const ExhibitInput& in,
                                   const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Exhibits(p, {.id = id, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const Exhibit& before = page.items.front();
    CheckExhibit(conn, p, in, id);
    conn.Exec(
        "UPDATE exhibits SET venue_id = ?, number = ?, title = ?, ethnicity = ?, category = ?, description = ?, "
        "materials = ?, dimensions = ?, provenance = ?, source_name = ?, source_resident_id = ?, source_consent = ?, "
        "acquired_on = ?, agreement = ?, room_id = ?, showcase = ?, status = ?, updated_at = ? WHERE id = ?",
        in.venue_id, in.number, in.title, in.ethnicity, in.category, in.description, in.materials, in.dimensions,
        in.provenance, in.source_name, in.source_resident_id, in.source_consent, in.acquired_on, in.agreement,
        in.room_id, in.showcase, in.status, time::NowUnix(), id);
    audit::Append(conn, actor,
                  {"culture.exhibit.updated", "exhibit", std::to_string(id), true,
                   audit::Diff({{"title", before.title},
                                {"status", before.status},
                                {"showcase", before.showcase},
                                {"source_consent", before.source_consent}},
                               {{"title", in.title},
                                {"status", in.status},
                                {"showcase", in.showcase},
                                {"source_consent", in.source_consent}})});
    tx.Commit();
}

int64_t CultureService::AddCheck(const auth::Principal& p, int64_t exhibit, const CheckInput& in,
                                 const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.checked_on))
        errors.Add("checked_on", "invalid_date");
    else if (in.checked_on > time::Today())
        errors.Add("checked_on", "in_future");
    if (!util::IsOneOf(in.condition, {"good", "fair", "poor", "damaged"})) errors.Add("condition", "invalid_choice");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    if (Exhibits(p, {.id = exhibit, .page = {1, 0}}).items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    int64_t id = conn.Insert(
        "INSERT INTO exhibit_checks (exhibit_id, checked_on, condition, note, checked_by, created_at) VALUES (?, ?, ?, "
        "?, ?, ?)",
        exhibit, in.checked_on, in.condition, in.note, p.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"culture.exhibit.checked",
                   "exhibit",
                   std::to_string(exhibit),
                   true,
                   {{"checked_on", in.checked_on}, {"condition", in.condition}}});
    tx.Commit();
    return id;
}

int64_t CultureService::AddLoan(const auth::Principal& p, int64_t exhibit, const LoanInput& in,
                                const audit::Actor& actor) {
    FieldErrors errors;
    if (in.direction != "out" && in.direction != "in") errors.Add("direction", "invalid_choice");
    if (in.party.empty()) errors.Add("party", "required");
    if (!time::IsValidDate(in.from_date)) errors.Add("from_date", "invalid_date");
    if (!time::IsValidDate(in.due_on))
        errors.Add("due_on", "invalid_date");
    else if (in.due_on < in.from_date)
        errors.Add("due_on", "ends_before_start");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Exhibits(p, {.id = exhibit, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    if (conn.QueryInt("SELECT count(*) FROM exhibit_loans WHERE exhibit_id = ? AND returned_on IS NULL", exhibit))
        throw AppError(ErrorCode::kConflict, "loan_open");
    int64_t id = conn.Insert(
        "INSERT INTO exhibit_loans (exhibit_id, direction, party, from_date, due_on, note, created_at) VALUES (?, ?, "
        "?, "
        "?, ?, ?, ?)",
        exhibit, in.direction, in.party, in.from_date, in.due_on, in.note, time::NowUnix());
    if (in.direction == "out") conn.Exec("UPDATE exhibits SET status = 'on_loan' WHERE id = ?", exhibit);
    audit::Append(conn, actor,
                  {"culture.loan.created",
                   "exhibit",
                   std::to_string(exhibit),
                   true,
                   {{"direction", in.direction}, {"party", in.party}, {"due_on", in.due_on}}});
    tx.Commit();
    return id;
}

void CultureService::ReturnLoan(const auth::Principal& p, int64_t exhibit, int64_t loan, const std::string& date,
                                const audit::Actor& actor) {
    if (!time::IsValidDate(date)) throw AppError::Field("date", "invalid_date");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    if (Exhibits(p, {.id = exhibit, .page = {1, 0}}).items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    auto l = conn.QueryOne(
        "SELECT direction, from_date, returned_on FROM exhibit_loans WHERE id = ? AND exhibit_id = ?", loan, exhibit);
    if (!l) throw AppError(ErrorCode::kNotFound, "not_found");
    if (!l->IsNull("returned_on")) throw AppError(ErrorCode::kConflict, "conflict");
    if (date < l->Str("from_date")) throw AppError::Field("date", "ends_before_start");
    conn.Exec("UPDATE exhibit_loans SET returned_on = ? WHERE id = ?", date, loan);
    // Back from a loan out it goes to the store; a loan in returned to its lender leaves the museum.
    conn.Exec("UPDATE exhibits SET status = ? WHERE id = ?",
              l->Str("direction") == "out" ? std::string("in_store") : std::string("returned"), exhibit);
    audit::Append(
        conn, actor,
        {"culture.loan.returned", "exhibit", std::to_string(exhibit), true, {{"loan_id", loan}, {"date", date}}});
    tx.Commit();
}

}  // namespace tongxin::culture
