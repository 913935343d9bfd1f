// Employers' postings (requirements, wage range, places) and the seekers matched to them. A
// posting's skills are looked for in each active seeker's skills and wishes; a worker proposes a
// seeker; the seeker's details go to the employer only once they consented — at registration, on
// the phone, or told to a worker who records how — and each sending is audited.
#include <algorithm>
#include <string_view>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/jobs/rules.hpp"
#include "modules/jobs/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::jobs {

namespace {

constexpr db::ListSql kPostingList{
    .columns = R"sql(o.id, o.employer_id, o.community_id, e.name AS employer, o.title, o.requirements, o.skills,
       o.wage_min_fen, o.wage_max_fen, o.places, o.posted_on, o.closes_on, o.status,
       (SELECT count(*) FROM job_matches m WHERE m.posting_id = o.id) AS matched,
       (SELECT count(*) FROM job_matches m WHERE m.posting_id = o.id AND m.status IN ('shared', 'hired')) AS shared,
       (SELECT count(*) FROM job_matches m WHERE m.posting_id = o.id AND m.status = 'hired') AS hired)sql",
    .from = "job_postings o JOIN job_employers e ON e.id = o.employer_id",
    .order_by = "o.posted_on DESC, o.id DESC",
    .count_from = "job_postings o",
};

constexpr db::ListSql kMatchList{
    .columns = R"sql(o.id, o.posting_id, o.seeker_id, s.resident_id, o.community_id, o.score, o.status,
       coalesce(o.consent_by, '') AS consent_by, o.consent_how, o.consent_at, o.shared_at, o.placement_id, r.name,
       r.ethnicity, p.title, e.name AS employer, p.wage_min_fen, p.wage_max_fen)sql",
    .from = R"sql(job_matches o JOIN job_seekers s ON s.id = o.seeker_id JOIN residents r ON r.id = s.resident_id
     JOIN job_postings p ON p.id = o.posting_id JOIN job_employers e ON e.id = p.employer_id)sql",
    .order_by = "o.score DESC, o.id",
    .count_from = "job_matches o JOIN job_seekers s ON s.id = o.seeker_id",
};

// A posting's skills: separated by commas (, ，), 、 or spaces.
std::vector<std::string> Keywords(const std::string& text) {
    std::string commas;
    commas.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        bool separator = false;
        for (std::string_view sep : {"，", "、", " ", "；", ";"}) {
            if (text.compare(i, sep.size(), sep) == 0) {
                commas += ',';
                i += sep.size();
                separator = true;
                break;
            }
        }
        if (!separator) commas += text[i++];
    }
    return SplitList(commas);
}

// How well a seeker fits: each keyword found in their skills counts 2, in their wishes 1.
int64_t Score(const std::vector<std::string>& keywords, const std::string& skills, const std::string& wishes,
              std::vector<std::string>& matched) {
    int64_t score = 0;
    for (const std::string& k : keywords) {
        const bool in_skills = skills.find(k) != std::string::npos, in_wishes = wishes.find(k) != std::string::npos;
        if (in_skills || in_wishes) matched.push_back(k);
        score += (in_skills ? 2 : 0) + (in_wishes ? 1 : 0);
    }
    return score;
}

std::optional<std::string> Rfc(std::optional<int64_t> at) {
    return at ? std::optional<std::string>(time::ToRfc3339(*at)) : std::nullopt;
}

}  // namespace

db::Page<Posting> JobsService::Postings(const auth::Principal& p, const PostingFilter& f) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.employer) where.Add("o.employer_id = ?", *f.employer);
    if (!f.status.empty()) where.Add("o.status = ?", f.status);
    if (!f.q.empty())
        where.Add("(o.title LIKE ? OR o.skills LIKE ? OR e.name LIKE ?)", "%" + f.q + "%", "%" + f.q + "%",
                  "%" + f.q + "%");
    return db::ListPage<Posting>(db_.Local(), kPostingList, where, f.page, [](const db::Row& r) {
        return Posting{.id = r.Int("id"),
                       .employer_id = r.Int("employer_id"),
                       .community_id = r.Int("community_id"),
                       .places = r.Int("places"),
                       .matched = r.Int("matched"),
                       .shared = r.Int("shared"),
                       .hired = r.Int("hired"),
                       .wage_min_fen = r.OptInt("wage_min_fen"),
                       .wage_max_fen = r.OptInt("wage_max_fen"),
                       .employer = r.Str("employer"),
                       .title = r.Str("title"),
                       .requirements = r.Str("requirements"),
                       .skills = r.Str("skills"),
                       .posted_on = r.Str("posted_on"),
                       .status = r.Str("status"),
                       .closes_on = r.OptStr("closes_on")};
    });
}

int64_t JobsService::AddPosting(const auth::Principal& p, const PostingInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.title.empty()) errors.Add("title", "required");
    if (Keywords(in.skills).empty()) errors.Add("skills", "required");
    CheckDate(errors, "posted_on", in.posted_on);
    if (!in.closes_on.empty()) {
        if (!time::IsValidDate(in.closes_on))
            errors.Add("closes_on", "invalid_date");
        else if (in.closes_on < in.posted_on)
            errors.Add("closes_on", "before_start");
    }
    if (in.wage_min_fen && in.wage_max_fen && *in.wage_max_fen < *in.wage_min_fen)
        errors.Add("wage_max_fen", "below_minimum");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", in.employer_id);
    auto employer = conn.Run("SELECT o.street_id, o.community_id FROM job_employers o" + where.Sql(), where.values());
    if (employer.empty()) throw AppError::Field("employer_id", "not_found");
    const int64_t now = time::NowUnix();
    const int64_t id = conn.Insert(
        "INSERT INTO job_postings (employer_id, street_id, community_id, title, requirements, skills, wage_min_fen, "
        "wage_max_fen, places, posted_on, closes_on, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)",
        in.employer_id, employer.front().Int("street_id"), employer.front().Int("community_id"), in.title,
        in.requirements, JoinList(Keywords(in.skills)), in.wage_min_fen, in.wage_max_fen, in.places, in.posted_on,
        in.closes_on.empty() ? std::nullopt : std::optional<std::string>(in.closes_on), actor.user_id, now, now);
    audit::Append(conn, actor,
                  {"jobs.posting.created",
                   "job_posting",
                   std::to_string(id),
                   true,
                   {{"employer_id", in.employer_id}, {"title", in.title}, {"places", in.places}}});
    tx.Commit();
    return id;
}

void JobsService::ClosePosting(const auth::Principal& p, int64_t id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Postings(p, {.id = id, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    if (page.items.front().status == "closed") throw AppError(ErrorCode::kConflict, "posting_closed");
    conn.Exec("UPDATE job_postings SET status = 'closed', updated_at = ? WHERE id = ?", time::NowUnix(), id);
    audit::Append(conn, actor, {"jobs.posting.closed", "job_posting", std::to_string(id), true, {}});
    tx.Commit();
}

std::vector<Candidate> JobsService::Candidates(const auth::Principal& p, int64_t posting) {
    db::Connection& conn = db_.Local();
    auto page = Postings(p, {.id = posting, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const Posting& post = page.items.front();
    const auto keywords = Keywords(post.skills);
    std::vector<Candidate> out;
    for (const auto& r : conn.Query(
             "SELECT o.id, r.name, r.ethnicity, o.skills, o.wishes, o.education, o.consent_to_share FROM job_seekers o "
             "JOIN residents r ON r.id = o.resident_id WHERE o.community_id = ? AND o.status = 'active' AND NOT EXISTS "
             "(SELECT 1 FROM job_matches m WHERE m.posting_id = ? AND m.seeker_id = o.id)",
             post.community_id, posting)) {
        Candidate c{.seeker_id = r.Int("id"),
                    .name = r.Str("name"),
                    .ethnicity = r.Str("ethnicity"),
                    .skills = r.Str("skills"),
                    .wishes = r.Str("wishes"),
                    .education = r.Str("education"),
                    .consent_to_share = r.Bool("consent_to_share")};
        c.score = Score(keywords, c.skills, c.wishes, c.matched);
        if (c.score > 0) out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (out.size() > 50) out.resize(50);
    return out;
}

int64_t JobsService::Propose(const auth::Principal& p, int64_t posting, int64_t seeker, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Postings(p, {.id = posting, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const Posting& post = page.items.front();
    if (post.status != "open") throw AppError(ErrorCode::kConflict, "posting_closed");
    auto s = conn.QueryOne(
        "SELECT skills, wishes, status, consent_to_share FROM job_seekers WHERE id = ? AND community_id = ?", seeker,
        post.community_id);
    if (!s) throw AppError::Field("seeker_id", "not_found");
    if (s->Str("status") != "active") throw AppError(ErrorCode::kConflict, "seeker_not_active");
    if (conn.QueryInt("SELECT count(*) FROM job_matches WHERE posting_id = ? AND seeker_id = ?", posting, seeker))
        throw AppError(ErrorCode::kConflict, "already_proposed");
    std::vector<std::string> matched;
    const int64_t score = Score(Keywords(post.skills), s->Str("skills"), s->Str("wishes"), matched);
    // Consent given at registration covers every proposal; otherwise the seeker is asked.
    const bool standing = s->Bool("consent_to_share");
    const int64_t now = time::NowUnix();
    const int64_t id = conn.Insert(
        "INSERT INTO job_matches (posting_id, seeker_id, community_id, score, status, consent_by, consent_at, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        posting, seeker, post.community_id, score, std::string(standing ? "consented" : "proposed"),
        standing ? std::optional<std::string>("registration") : std::nullopt,
        standing ? std::optional<int64_t>(now) : std::nullopt, actor.user_id, now);
    audit::Append(conn, actor,
                  {"jobs.match.proposed",
                   "job_match",
                   std::to_string(id),
                   true,
                   {{"posting_id", posting}, {"seeker_id", seeker}, {"score", score}}});
    tx.Commit();
    return id;
}

db::Page<Match> JobsService::Matches(const auth::Principal& p, const MatchFilter& f) {
    db::SqlWhere where;
    if (IsStaff(p))
        where = auth::WhereIn(auth::CommunityRecordScope(p));
    else
        where.Add("s.resident_id = ?", p.resident_id.value_or(-1));
    if (f.posting) where.Add("o.posting_id = ?", *f.posting);
    if (f.seeker) where.Add("o.seeker_id = ?", *f.seeker);
    if (f.id) where.Add("o.id = ?", *f.id);
    return db::ListPage<Match>(db_.Local(), kMatchList, where, f.page, [](const db::Row& r) {
        return Match{.id = r.Int("id"),
                     .posting_id = r.Int("posting_id"),
                     .seeker_id = r.Int("seeker_id"),
                     .resident_id = r.Int("resident_id"),
                     .community_id = r.Int("community_id"),
                     .score = r.Int("score"),
                     .placement_id = r.OptInt("placement_id"),
                     .name = r.Str("name"),
                     .ethnicity = r.Str("ethnicity"),
                     .title = r.Str("title"),
                     .employer = r.Str("employer"),
                     .status = r.Str("status"),
                     .consent_by = r.Str("consent_by"),
                     .consent_how = r.Str("consent_how"),
                     .wage_min_fen = r.OptInt("wage_min_fen"),
                     .wage_max_fen = r.OptInt("wage_max_fen"),
                     .consent_at = Rfc(r.OptInt("consent_at")),
                     .shared_at = Rfc(r.OptInt("shared_at"))};
    });
}

void JobsService::Consent(const auth::Principal& p, int64_t match, bool agree, const std::string& how,
                          const audit::Actor& actor) {
    const bool staff = IsStaff(p);
    if (staff && how.empty()) throw AppError::Field("how", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Matches(p, {.id = match, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const Match& m = page.items.front();
    // Consent can be withdrawn until the details went out; after that the employer has them.
    if (m.status == "shared" || m.status == "hired") throw AppError(ErrorCode::kConflict, "already_shared");
    conn.Exec("UPDATE job_matches SET status = ?, consent_by = ?, consent_how = ?, consent_at = ? WHERE id = ?",
              std::string(agree ? "consented" : "declined"), std::string(staff ? "worker" : "resident"),
              staff ? how : std::string("本人在手机上确认"), time::NowUnix(), match);
    audit::Append(conn, actor,
                  {agree ? "jobs.match.consented" : "jobs.match.declined",
                   "job_match",
                   std::to_string(match),
                   true,
                   {{"by", staff ? "worker" : "resident"}, {"how", how}}});
    tx.Commit();
}

void JobsService::Share(const auth::Principal& p, int64_t match, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Matches(p, {.id = match, .page = {1, 0}});
    if (page.items.empty() || !IsStaff(p)) throw AppError(ErrorCode::kNotFound, "not_found");
    const Match& m = page.items.front();
    if (m.status == "shared" || m.status == "hired") throw AppError(ErrorCode::kConflict, "already_shared");
    if (m.status != "consented") throw AppError(ErrorCode::kConflict, "consent_required");
    conn.Exec("UPDATE job_matches SET status = 'shared', shared_by = ?, shared_at = ? WHERE id = ?", p.user_id,
              time::NowUnix(), match);
    audit::Append(conn, actor,
                  {"jobs.match.shared",
                   "job_match",
                   std::to_string(match),
                   true,
                   {{"posting_id", m.posting_id}, {"seeker_id", m.seeker_id}, {"consent_by", m.consent_by}}});
    tx.Commit();
}

std::vector<Referral> JobsService::Referrals(const auth::Principal& p, int64_t posting, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Postings(p, {.id = posting, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    std::vector<Referral> out;
    const std::string today = time::Today();
    for (const auto& r : conn.Query(
             "SELECT m.id, m.shared_at, r.name, r.gender, coalesce(r.birth_date, '') AS birth_date, r.phone_enc, "
             "s.education, s.skills, s.languages, s.availability FROM job_matches m JOIN job_seekers s ON s.id = "
             "m.seeker_id JOIN residents r ON r.id = s.resident_id WHERE m.posting_id = ? AND m.status IN ('shared', "
             "'hired') ORDER BY m.shared_at, m.id",
             posting)) {
        Referral x{.match_id = r.Int("id"),
                   .name = r.Str("name"),
                   .gender = r.Str("gender"),
                   .education = r.Str("education"),
                   .skills = r.Str("skills"),
                   .availability = r.Str("availability"),
                   .shared_at = time::ToRfc3339(r.Int("shared_at")),
                   .languages = SplitList(r.Str("languages"))};
        if (auto enc = r.OptStr("phone_enc")) x.phone = vault_.Decrypt(*enc).value_or("");
        const std::string birth = r.Str("birth_date");
        if (birth.size() >= 10) {
            int64_t age = std::stoll(today.substr(0, 4)) - std::stoll(birth.substr(0, 4));
            if (today.substr(5) < birth.substr(5)) --age;
            x.age = age;
        }
        out.push_back(std::move(x));
    }
    audit::Append(conn, actor,
                  {"jobs.referral.printed",
                   "job_posting",
                   std::to_string(posting),
                   true,
                   {{"people", static_cast<int64_t>(out.size())}}});
    tx.Commit();
    return out;
}

}  // namespace tongxin::jobs
