// Job seekers, the steps of their path, and the year's funnel.
#include <algorithm>
#include <map>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/jobs/rules.hpp"
#include "modules/jobs/service.hpp"
#include "modules/reports/memo.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::jobs {

namespace {

constexpr db::ListSql kSeekerList{
    .columns = R"sql(o.id, o.resident_id, o.community_id, r.name, r.ethnicity, r.gender,
       coalesce(r.birth_date, '') AS birth_date, coalesce(h.address, '') AS address, o.registered_on, o.source,
       o.need_id, o.skills, o.education, o.languages, o.wishes, o.availability, o.constraints, o.consent_to_share,
       o.status,
       (SELECT s.step FROM job_steps s WHERE s.seeker_id = o.id ORDER BY s.on_date DESC, s.id DESC LIMIT 1) AS last_step,
       (SELECT max(s.on_date) FROM job_steps s WHERE s.seeker_id = o.id) AS last_step_on)sql",
    .from = "job_seekers o JOIN residents r ON r.id = o.resident_id LEFT JOIN households h ON h.id = r.household_id",
    .order_by = "o.registered_on DESC, o.id DESC",
    .count_from = "job_seekers o JOIN residents r ON r.id = o.resident_id",
};

Seeker SeekerOf(const db::Row& r) {
    return Seeker{.id = r.Int("id"),
                  .resident_id = r.Int("resident_id"),
                  .community_id = r.Int("community_id"),
                  .name = r.Str("name"),
                  .ethnicity = r.Str("ethnicity"),
                  .gender = r.Str("gender"),
                  .birth_date = r.Str("birth_date"),
                  .address = r.Str("address"),
                  .registered_on = r.Str("registered_on"),
                  .source = r.Str("source"),
                  .skills = r.Str("skills"),
                  .education = r.Str("education"),
                  .wishes = r.Str("wishes"),
                  .availability = r.Str("availability"),
                  .constraints = r.Str("constraints"),
                  .status = r.Str("status"),
                  .last_step = r.OptStr("last_step").value_or(""),
                  .last_step_on = r.OptStr("last_step_on").value_or(""),
                  .languages = SplitList(r.Str("languages")),
                  .need_id = r.OptInt("need_id"),
                  .consent_to_share = r.Bool("consent_to_share")};
}

// A year's bounds as dates.
std::pair<std::string, std::string> YearSpan(const std::string& year) { return {year + "-01-01", year + "-12-31"}; }

std::string AgeBand(const std::string& birth_date, const std::string& on) {
    if (birth_date.size() < 10) return "unknown";
    int age = std::stoi(on.substr(0, 4)) - std::stoi(birth_date.substr(0, 4));
    if (on.substr(5) < birth_date.substr(5)) --age;
    if (age < 25) return "16-24";
    if (age < 35) return "25-34";
    if (age < 45) return "35-44";
    if (age < 55) return "45-54";
    return "55+";
}

}  // namespace

db::Page<Seeker> JobsService::Seekers(const auth::Principal& p, const SeekerFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.resident) where.Add("o.resident_id = ?", *f.resident);
    if (!f.status.empty()) where.Add("o.status = ?", f.status);
    if (!f.q.empty()) where.Add("(r.name LIKE ? OR o.skills LIKE ?)", "%" + f.q + "%", "%" + f.q + "%");
    if (!f.reached.empty()) {
        const auto [from, to] = YearSpan(f.year.empty() ? time::Today().substr(0, 4) : f.year);
        where.Add(
            "EXISTS (SELECT 1 FROM job_steps s WHERE s.seeker_id = o.id AND s.step = ? AND s.on_date >= ? AND "
            "s.on_date <= ?)",
            f.reached, from, to);
    } else if (!f.year.empty()) {
        const auto [from, to] = YearSpan(f.year);
        where.Add("o.registered_on >= ? AND o.registered_on <= ?", from, to);
    }
    auto page = db::ListPage<Seeker>(conn, kSeekerList, where, f.page, SeekerOf);
    if (f.id) {
        for (Seeker& s : page.items) {
            for (const auto& r : conn.Query("SELECT id, step, on_date, helper, note, placement_id, business_id, "
                                            "training_id FROM job_steps WHERE seeker_id = ? ORDER BY on_date, id",
                                            s.id))
                s.steps.push_back({r.Int("id"), r.Str("step"), r.Str("on_date"), r.Str("helper"), r.Str("note"),
                                   r.OptInt("placement_id"), r.OptInt("business_id"), r.OptInt("training_id")});
        }
    }
    return page;
}

int64_t JobsService::Register(const auth::Principal& p, const SeekerInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.registered_on))
        errors.Add("registered_on", "invalid_date");
    else if (in.registered_on > time::Today())
        errors.Add("registered_on", "in_future");
    if (!util::IsOneOf(in.education, Educations())) errors.Add("education", "invalid_choice");
    for (const std::string& l : in.languages)
        if (l.empty() || l.find(',') != std::string::npos) errors.Add("languages", "invalid_choice");
    errors.ThrowIfAny();

    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const int64_t resident =
        residents::ResidentForAction(conn, p, in.resident_id, "jobs.write", residents::Acting::kSelf);
    auto place = conn.QueryOne(
        "SELECT street_id, community_id, grid_id, building_id FROM residents WHERE id = ? AND moved_out IS NULL",
        resident);
    if (!place) throw AppError::Field("resident_id", "not_found");
    if (conn.QueryInt("SELECT count(*) FROM job_seekers WHERE resident_id = ? AND status = 'active'", resident) > 0)
        throw AppError(ErrorCode::kConflict, "already_registered");
    std::string source = IsStaff(p) ? "centre" : "self";
    if (in.need_id) {
        // A need a liaison officer recorded, referred to the jobs platform, becomes this registration.
        if (!IsStaff(p)) throw AppError::Field("need_id", "invalid_choice");
        if (conn.QueryInt("SELECT count(*) FROM committee_needs WHERE id = ? AND community_id = ? AND handler = 'jobs' "
                          "AND (resident_id IS NULL OR resident_id = ?)",
                          *in.need_id, place->Int("community_id"), resident) == 0)
            throw AppError::Field("need_id", "not_found");
        source = "committee";
    }
    const std::string languages = JoinList(in.languages);
    const int64_t now = time::NowUnix();
    const int64_t id = conn.Insert(
        "INSERT INTO job_seekers (resident_id, street_id, community_id, grid_id, building_id, registered_on, source, "
        "need_id, skills, education, languages, wishes, availability, constraints, consent_to_share, status, "
        "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)",
        resident, place->Int("street_id"), place->Int("community_id"), place->OptInt("grid_id"),
        place->OptInt("building_id"), in.registered_on, source, in.need_id, in.skills, in.education, languages,
        in.wishes, in.availability, in.constraints, in.consent_to_share, actor.user_id, now, now);
    InsertStep(conn, id, place->Int("community_id"), "registered", in.registered_on,
               source == "self" ? std::string("本人登记") : std::string(""), "", actor.user_id);
    if (in.need_id)
        conn.Exec("UPDATE committee_needs SET linked_id = ?, status = 'referred', updated_at = ? WHERE id = ?", id, now,
                  *in.need_id);
    audit::Append(conn, actor,
                  {"jobs.seeker.registered",
                   "job_seeker",
                   std::to_string(id),
                   true,
                   {{"resident_id", resident}, {"source", source}}});
    reports::Touch(conn, place->Int("community_id"));
    tx.Commit();
    return id;
}

int64_t JobsService::AddStep(const auth::Principal& p, int64_t seeker, const StepInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!util::IsOneOf(in.step, {"trained", "practical_training", "internship", "incubation"}))
        errors.Add("step", "invalid_choice");
    if (!time::IsValidDate(in.on_date))
        errors.Add("on_date", "invalid_date");
    else if (in.on_date > time::Today())
        errors.Add("on_date", "in_future");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const SeekerRow s = VisibleSeeker(conn, p, seeker);
    if (in.on_date < s.registered_on) throw AppError::Field("on_date", "before_registration");
    if (s.status != "active") throw AppError(ErrorCode::kConflict, "seeker_not_active");
    const int64_t id = InsertStep(conn, seeker, s.community_id, in.step, in.on_date, in.helper, in.note, actor.user_id);
    audit::Append(conn, actor,
                  {"jobs.step.recorded",
                   "job_seeker",
                   std::to_string(seeker),
                   true,
                   {{"step", in.step}, {"on_date", in.on_date}}});
    reports::Touch(conn, s.community_id);
    tx.Commit();
    return id;
}

jobs::Funnel JobsService::Funnel(const auth::Principal& p, int64_t community, const std::string& year) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(p);
    where.Add("o.community_id = ?", community);
    const auto [from, to] = YearSpan(year);
    // Each seeker's first date at each step within the year, with their ethnicity and age then.
    std::map<std::string, std::map<int64_t, std::string>> reached;  // step -> seeker -> date
    std::map<int64_t, std::pair<std::string, std::string>> who;     // seeker -> ethnicity, birth date
    std::map<int64_t, std::string> registered_on;
    for (const auto& r :
         conn.Run("SELECT o.id, o.registered_on, r.ethnicity, coalesce(r.birth_date, '') AS "
                  "birth_date, s.step, min(s.on_date) AS on_date FROM job_seekers o JOIN residents r ON "
                  "r.id = o.resident_id JOIN job_steps s ON s.seeker_id = o.id" +
                      where.Sql() +
                      " AND s.on_date >= ? AND s.on_date <= ? GROUP BY o.id, o.registered_on, "
                      "r.ethnicity, r.birth_date, s.step",
                  where.With({from, to}))) {
        reached[r.Str("step")][r.Int("id")] = r.Str("on_date");
        who[r.Int("id")] = {r.Str("ethnicity"), r.Str("birth_date")};
        registered_on[r.Int("id")] = r.Str("registered_on");
    }
    // Each seeker's first date at every step, whenever it was: the time from the step before.
    std::map<int64_t, std::map<std::string, std::string>> first;  // seeker -> step -> date
    for (const auto& r : conn.Run("SELECT s.seeker_id, s.step, min(s.on_date) AS on_date FROM job_steps s JOIN "
                                  "job_seekers o ON o.id = s.seeker_id" +
                                      where.Sql() + " GROUP BY s.seeker_id, s.step",
                                  where.values()))
        first[r.Int("seeker_id")][r.Str("step")] = r.Str("on_date");
    jobs::Funnel out{.community = community, .year = year};
    const double base = static_cast<double>(reached["registered"].size());
    auto days_between = [](const std::string& a, const std::string& b) {
        return (time::DayStartUnix(b) - time::DayStartUnix(a)) / 86400;
    };
    auto median = [](std::vector<int64_t> days) -> std::optional<int64_t> {
        if (days.empty()) return std::nullopt;
        std::sort(days.begin(), days.end());
        return days[days.size() / 2];
    };
    for (const std::string& step : Steps()) {
        const auto& people = reached[step];
        const auto& earlier = EarlierSteps(step);
        std::vector<int64_t> from_registering, from_previous;
        for (const auto& [seeker, date] : people) {
            from_registering.push_back(days_between(registered_on[seeker], date));
            // The seeker's latest step before this one on the path, as they went.
            std::string latest;
            for (const std::string& before : earlier) {
                auto at = first[seeker].find(before);
                if (at != first[seeker].end() && at->second <= date && at->second > latest) latest = at->second;
            }
            if (!latest.empty()) from_previous.push_back(days_between(latest, date));
        }
        FunnelStep out_step{.step = step,
                            .people = static_cast<int64_t>(people.size()),
                            .of_registered = base > 0 ? static_cast<double>(people.size()) / base : 0.0,
                            .median_days = median(from_registering),
                            .previous = earlier.empty() ? "" : earlier.front(),
                            .median_days_from_previous = median(from_previous)};
        if (!out_step.previous.empty()) {
            out_step.previous_people = static_cast<int64_t>(reached[out_step.previous].size());
            out_step.of_previous = out_step.previous_people > 0 ? static_cast<double>(out_step.people) /
                                                                      static_cast<double>(out_step.previous_people)
                                                                : 0.0;
        }
        out.steps.push_back(std::move(out_step));
    }
    // Breakdowns: a group of fewer than 5 registered people is merged into 其他 (key "other").
    auto breakdown = [&](auto key_of, auto name_of) {
        std::map<std::string, std::vector<int64_t>> counts;
        for (size_t i = 0; i < Steps().size(); ++i) {
            for (const auto& [seeker, date] : reached[Steps()[i]]) {
                auto& row = counts[key_of(seeker)];
                row.resize(Steps().size());
                ++row[i];
            }
        }
        std::vector<FunnelGroup> groups;
        FunnelGroup other{"other", "其他", std::vector<int64_t>(Steps().size())};
        for (auto& [key, row] : counts) {
            if (row[0] < 5) {
                for (size_t i = 0; i < row.size(); ++i) other.people[i] += row[i];
            } else {
                groups.push_back({key, name_of(key), row});
            }
        }
        std::sort(groups.begin(), groups.end(),
                  [](const FunnelGroup& a, const FunnelGroup& b) { return a.people[0] > b.people[0]; });
        if (std::any_of(other.people.begin(), other.people.end(), [](int64_t n) { return n > 0; }))
            groups.push_back(other);
        return groups;
    };
    out.by_ethnicity = breakdown([&](int64_t s) { return who[s].first; },
                                 [](const std::string& code) { return text::EthnicityName(code); });
    out.by_age = breakdown([&](int64_t s) { return AgeBand(who[s].second, registered_on[s]); },
                           [](const std::string& band) { return band == "unknown" ? std::string("未知") : band; });
    return out;
}

}  // namespace tongxin::jobs
