#include "modules/residents/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/multi_insert.hpp"
#include "core/db/sql_where.hpp"
#include "core/text/chinese.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "core/util/computed_ahead.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::residents {
namespace json = boost::json;
namespace {

// Counting every match of a broad query over a million residents costs more than the page
// itself; totals are exact up to this many and reported as a lower bound beyond it.
constexpr int64_t kCountCap = 2000;

int64_t CappedCount(db::Connection& conn, const std::string& from_where, std::vector<db::Value> values) {
    values.push_back(kCountCap + 1);
    return conn.Run("SELECT count(*) FROM (SELECT 1" + from_where + " LIMIT ?) t", values).front().Int(0);
}

constexpr const char* kSelect =
    "SELECT r.id, r.name, r.pinyin, r.gender, r.birth_date, r.ethnicity, r.political_status, r.household_id, "
    "h.address, r.relation, r.id_masked, r.phone_masked, r.moved_in, r.moved_out, r.note, r.street_id, "
    "r.community_id, r.grid_id, r.building_id";
constexpr const char* kFromResidents = " FROM residents r LEFT JOIN households h ON h.id = r.household_id";
constexpr const char* kFromGrams =
    " FROM resident_grams g JOIN residents r ON r.id = g.resident_id LEFT JOIN households h ON h.id = r.household_id";

Resident ResidentOf(const db::Row& row) {
    Resident r;
    r.id = row.Int("id");
    r.name = row.Str("name");
    r.pinyin = row.Str("pinyin");
    r.gender = row.Str("gender");
    r.birth_date = row.OptStr("birth_date");
    r.ethnicity = row.Str("ethnicity");
    r.political_status = row.Str("political_status");
    r.household_id = row.OptInt("household_id");
    r.household_address = row.Str("address");
    r.relation = row.Str("relation");
    r.id_masked = row.Str("id_masked");
    r.phone_masked = row.Str("phone_masked");
    r.moved_in = row.OptStr("moved_in");
    r.moved_out = row.OptStr("moved_out");
    r.note = row.Str("note");
    r.street_id = row.Int("street_id");
    r.community_id = row.Int("community_id");
    r.grid_id = row.OptInt("grid_id");
    r.building_id = row.OptInt("building_id");
    return r;
}

void LoadTags(db::Connection& conn, std::vector<Resident>& items) {
    for (auto& r : items) {
        for (const auto& row : conn.Query("SELECT tag FROM resident_tags WHERE resident_id = ? ORDER BY tag", r.id)) {
            r.tags.push_back(row.Str(0));
        }
    }
}

std::vector<Resident> RunList(db::Connection& conn, const std::string& sql, const std::vector<db::Value>& values) {
    std::vector<Resident> out;
    for (const auto& row : conn.Run(sql, values)) out.push_back(ResidentOf(row));
    return out;
}

std::set<std::string> GramsOf(const std::string& name) {
    auto chars = text::Utf8Chars(name);
    std::set<std::string> grams;
    for (size_t i = 0; i < chars.size(); ++i) {
        grams.insert(chars[i]);
        if (i + 1 < chars.size()) grams.insert(chars[i] + chars[i + 1]);
    }
    return grams;
}

constexpr const char* kInsertGrams = "INSERT INTO resident_grams (gram, pinyin, resident_id)";
constexpr const char* kInsertTags = "INSERT INTO resident_tags (resident_id, tag)";
constexpr const char* kInsertResident =
    "INSERT INTO residents (id, name, pinyin, initials, gender, birth_date, ethnicity, political_status, "
    "household_id, relation, id_enc, id_hash, id_masked, phone_enc, phone_hash, phone_masked, moved_in, note, "
    "street_id, community_id, grid_id, building_id, created_at, updated_at)";
constexpr size_t kResidentColumns = 24;

void AddGrams(db::MultiInsert& out, int64_t id, const std::string& name, const std::string& pinyin) {
    for (const auto& g : GramsOf(name)) out.Add(g, pinyin, id);
}

void AddTags(db::MultiInsert& out, int64_t id, const std::vector<std::string>& tags) {
    for (const auto& t : std::set<std::string>(tags.begin(), tags.end())) out.Add(id, t);
}

bool IsAsciiLetters(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

bool IsDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string EscapeLike(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

json::object AuditFields(const ResidentInput& in) {
    return {{"name", in.name},
            {"gender", in.gender},
            {"birth_date", in.birth_date ? json::value(*in.birth_date) : json::value(nullptr)},
            {"ethnicity", in.ethnicity},
            {"political_status", in.political_status},
            {"household_id", in.household_id ? json::value(*in.household_id) : json::value(nullptr)},
            {"relation", in.relation},
            {"id_number", in.id_number ? json::value(*in.id_number) : json::value(nullptr)},
            {"phone", in.phone ? json::value(*in.phone) : json::value(nullptr)},
            {"moved_in", in.moved_in ? json::value(*in.moved_in) : json::value(nullptr)},
            {"note", in.note}};
}

}  // namespace

void Validate(ResidentInput& in, FieldErrors& errors) {
    if (in.name.empty())
        errors.Add("name", "required");
    else if (text::Utf8Chars(in.name).size() > 30)
        errors.Add("name", "too_long");

    if (in.gender == "男" || in.gender == "M" || in.gender == "m")
        in.gender = "M";
    else if (in.gender == "女" || in.gender == "F" || in.gender == "f")
        in.gender = "F";
    else if (in.gender.empty())
        errors.Add("gender", "required");
    else
        errors.Add("gender", "invalid_gender");

    if (in.ethnicity.empty()) {
        errors.Add("ethnicity", "required");
    } else if (const auto* c = text::FindCode(text::Ethnicities(), in.ethnicity)) {
        in.ethnicity = c->code;
    } else {
        errors.Add("ethnicity", "invalid_ethnicity");
    }
    if (in.political_status.empty()) in.political_status = "13";
    if (const auto* c = text::FindCode(text::PoliticalStatuses(), in.political_status)) {
        in.political_status = c->code;
    } else {
        errors.Add("political_status", "invalid_political_status");
    }
    if (in.relation.empty()) in.relation = "other";
    if (const auto* c = text::FindCode(text::Relations(), in.relation)) {
        in.relation = c->code;
    } else {
        errors.Add("relation", "invalid_relation");
    }
    if (in.birth_date && !time::IsValidDate(*in.birth_date)) errors.Add("birth_date", "invalid_date");
    if (in.moved_in && !time::IsValidDate(*in.moved_in)) errors.Add("moved_in", "invalid_date");
    if (in.id_number) {
        std::string id = *in.id_number;
        if (!id.empty() && id.back() == 'x') id.back() = 'X';
        in.id_number = id;
        auto info = text::ParseIdCard(id);
        if (!info) {
            errors.Add("id_number", "invalid_id_number");
        } else {
            if (in.birth_date && *in.birth_date != info->birth_date) errors.Add("birth_date", "id_birth_mismatch");
            if (!in.birth_date) in.birth_date = info->birth_date;
            if ((in.gender == "M" || in.gender == "F") && in.gender[0] != info->gender) {
                errors.Add("gender", "id_gender_mismatch");
            }
        }
    }
    if (in.phone && !text::IsMobilePhone(*in.phone)) errors.Add("phone", "invalid_phone");
    if (text::Utf8Chars(in.note).size() > 500) errors.Add("note", "too_long");
    if (in.tags.size() > 20) errors.Add("tags", "too_long");
}

int64_t ResidentService::Insert(db::Connection& conn, const ResidentInput& in, int64_t street_id, int64_t community_id,
                                std::optional<int64_t> grid_id, std::optional<int64_t> building_id) {
    return InsertMany(conn, {{&in, street_id, community_id, grid_id, building_id}}).front();
}

std::vector<int64_t> ResidentService::InsertMany(db::Connection& conn, const std::vector<Placed>& rows) {
    std::vector<int64_t> ids = conn.ReserveIds("residents", rows.size());
    const int64_t now = time::NowUnix();
    // Each row's values: pinyin, encrypted numbers and their keyed hashes, name substrings.
    struct Prepared {
        std::vector<db::Value> values;
        std::string pinyin;
        std::set<std::string> grams;
    };
    auto prepare = [&](size_t i) {
        const ResidentInput& in = *rows[i].in;
        auto py = text::PinyinOfName(in.name);
        Prepared p{{}, py.full, GramsOf(in.name)};
        std::vector<db::Value>& v = p.values;
        v.reserve(kResidentColumns);
        auto add = [&v](const auto& x) { v.push_back(db::detail::ToValue(x)); };
        add(ids[i]);
        add(in.name);
        add(py.full);
        add(py.initials);
        add(in.gender);
        add(in.birth_date);
        add(in.ethnicity);
        add(in.political_status);
        add(in.household_id);
        add(in.relation);
        if (in.id_number) {
            add(vault_.Encrypt(*in.id_number));
            add(vault_.LookupHash(*in.id_number));
            add(text::MaskIdNumber(*in.id_number));
        } else {
            add(nullptr), add(nullptr), add(std::string());
        }
        if (in.phone) {
            add(vault_.Encrypt(*in.phone));
            add(vault_.LookupHash(*in.phone));
            add(text::MaskPhone(*in.phone));
        } else {
            add(nullptr), add(nullptr), add(std::string());
        }
        add(in.moved_in);
        add(in.note);
        add(rows[i].street_id);
        add(rows[i].community_id);
        add(rows[i].grid_id);
        add(rows[i].building_id);
        add(now);
        add(now);
        return p;
    };
    // Rows per statement: 100 × 24 parameters stays far below both databases' limits.
    db::MultiInsert residents(conn, kInsertResident, kResidentColumns, 100);
    db::MultiInsert grams(conn, kInsertGrams, 3, 300);
    db::MultiInsert tags(conn, kInsertTags, 2, 200);
    std::vector<std::pair<std::string, std::set<std::string>>> substrings(rows.size());
    auto write = [&](size_t i, Prepared p) {
        residents.AddRow(std::move(p.values));
        substrings[i] = {std::move(p.pinyin), std::move(p.grams)};
    };
    if (rows.size() >= 1000) {
        // A large import: the next rows are prepared on the other core while these are written.
        util::ComputedAhead<Prepared> ahead(rows.size(), prepare);
        for (size_t i = 0; i < rows.size(); ++i) write(i, ahead.Take(i));
    } else {
        for (size_t i = 0; i < rows.size(); ++i) write(i, prepare(i));
    }
    // Residents first: the substrings and tags refer to them (foreign keys are checked at once).
    residents.Flush();
    for (size_t i = 0; i < rows.size(); ++i) {
        for (const auto& g : substrings[i].second) grams.Add(g, substrings[i].first, ids[i]);
        AddTags(tags, ids[i], rows[i].in->tags);
    }
    grams.Flush();
    tags.Flush();
    std::set<int64_t> communities;
    for (const Placed& r : rows) communities.insert(r.community_id);
    for (int64_t c : communities) reports::Touch(conn, c);
    return ids;
}

std::optional<Resident> ResidentService::Find(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.id = ?", id);
    auto items = RunList(conn, std::string(kSelect) + kFromResidents + where.Sql(), where.values());
    if (items.empty()) return std::nullopt;
    LoadTags(conn, items);
    return items.front();
}

Resident ResidentService::Get(const auth::Principal& p, int64_t id) {
    auto r = Find(db_.Local(), p, id);
    if (!r) throw AppError(ErrorCode::kNotFound, "not_found");
    return *r;
}

ResidentService::OwnHousehold ResidentService::Mine(const auth::Principal& p) {
    if (!p.resident_id) throw AppError(ErrorCode::kNotFound, "not_found");
    db::Connection& conn = db_.Local();
    std::string select = std::string(kSelect) + kFromResidents;
    auto me = RunList(conn, select + " WHERE r.id = ?", {db::Value(*p.resident_id)});
    if (me.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    OwnHousehold out{me.front(), {}};
    if (out.me.household_id) {
        out.members = RunList(conn, select + " WHERE r.household_id = ? AND r.moved_out IS NULL ORDER BY r.id",
                              {db::Value(*out.me.household_id)});
    }
    return out;
}

SearchResult ResidentService::Search(const auth::Principal& p, const SearchFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    if (f.status == "active")
        where.Add("r.moved_out IS NULL");
    else if (f.status == "moved_out")
        where.Add("r.moved_out IS NOT NULL");
    if (f.street_id) where.Add("r.street_id = ?", *f.street_id);
    if (f.community_id) where.Add("r.community_id = ?", *f.community_id);
    if (f.grid_id) where.Add("r.grid_id = ?", *f.grid_id);
    if (f.building_id) where.Add("r.building_id = ?", *f.building_id);
    if (f.household_id) where.Add("r.household_id = ?", *f.household_id);
    if (f.ethnicity) where.Add("r.ethnicity = ?", *f.ethnicity);
    if (f.minority_only) where.Add("r.ethnicity >= '02' AND r.ethnicity <= '56'");
    if (f.political_status) where.Add("r.political_status = ?", *f.political_status);
    if (f.tag) where.Add("EXISTS (SELECT 1 FROM resident_tags t WHERE t.resident_id = r.id AND t.tag = ?)", *f.tag);

    SearchResult result;
    const std::string q = text::Trim(f.q);
    const int64_t window = f.offset + f.limit;
    if (q.empty()) {
        result.total = CappedCount(conn, " FROM residents r" + where.Sql(), where.values());
        result.items = RunList(
            conn, std::string(kSelect) + kFromResidents + where.Sql() + " ORDER BY r.pinyin, r.id LIMIT ? OFFSET ?",
            where.With({f.limit, f.offset}));
    } else if (q.size() == 18 && IsDigits(q.substr(0, 17))) {
        std::string id = q;
        if (id.back() == 'x') id.back() = 'X';
        where.Add("r.id_hash = ?", vault_.LookupHash(id));
        result.items = RunList(conn, std::string(kSelect) + kFromResidents + where.Sql(), where.values());
        result.total = static_cast<int64_t>(result.items.size());
    } else if (q.size() == 11 && IsDigits(q)) {
        where.Add("r.phone_hash = ?", vault_.LookupHash(q));
        result.items = RunList(conn, std::string(kSelect) + kFromResidents + where.Sql() + " ORDER BY r.pinyin, r.id",
                               where.values());
        result.total = static_cast<int64_t>(result.items.size());
    } else if (IsAsciiLetters(q)) {
        // Full-pinyin prefix matches first (in pinyin order), then residents whose initials start
        // with the query (in initials, then pinyin order): both straight from their indexes, so a
        // page costs the same at any table size. For one letter the two sets coincide.
        std::string lo = text::AsciiLower(q);
        std::string hi = lo + "{";
        db::SqlWhere full = where;
        full.Add("r.pinyin >= ? AND r.pinyin < ?", lo, hi);
        result.total = CappedCount(conn, " FROM residents r" + full.Sql(), full.values());
        auto a = RunList(conn, std::string(kSelect) + kFromResidents + full.Sql() + " ORDER BY r.pinyin, r.id LIMIT ?",
                         full.With({window}));
        if (lo.size() > 1) {
            db::SqlWhere initials = where;
            initials.Add("r.initials >= ? AND r.initials < ?", lo, hi)
                .Add("NOT (r.pinyin >= ? AND r.pinyin < ?)", lo, hi);
            result.total += CappedCount(conn, " FROM residents r" + initials.Sql(), initials.values());
            if (static_cast<int64_t>(a.size()) < window) {
                auto b = RunList(conn,
                                 std::string(kSelect) + kFromResidents + initials.Sql() +
                                     " ORDER BY r.initials, r.pinyin, r.id LIMIT ?",
                                 initials.With({window - static_cast<int64_t>(a.size())}));
                a.insert(a.end(), b.begin(), b.end());
            }
        }
        if (static_cast<int64_t>(a.size()) > f.offset) {
            auto end = std::min<int64_t>(static_cast<int64_t>(a.size()), window);
            result.items.assign(a.begin() + f.offset, a.begin() + end);
        }
    } else {
        // Chinese (or mixed) text: the index of 1- and 2-character substrings narrows the set;
        // longer queries are checked against the whole name.
        auto chars = text::Utf8Chars(q);
        std::string gram = chars.size() >= 2 ? chars[0] + chars[1] : chars.empty() ? q : chars[0];
        if (chars.size() > 2) {
            // The rarest of the query's 2-character substrings narrows the set the most.
            int64_t fewest = INT64_MAX;
            for (size_t i = 0; i + 1 < chars.size(); ++i) {
                std::string candidate = chars[i] + chars[i + 1];
                int64_t n = conn.QueryInt(
                    "SELECT count(*) FROM (SELECT 1 FROM resident_grams WHERE gram = ? LIMIT 2000) t", candidate);
                if (n < fewest) {
                    fewest = n;
                    gram = candidate;
                }
            }
        }
        where.Add("g.gram = ?", gram);
        if (chars.size() > 2) where.Add("r.name LIKE ? ESCAPE '\\'", "%" + EscapeLike(q) + "%");
        result.total = CappedCount(
            conn, " FROM resident_grams g JOIN residents r ON r.id = g.resident_id" + where.Sql(), where.values());
        result.items =
            RunList(conn, std::string(kSelect) + kFromGrams + where.Sql() + " ORDER BY g.pinyin, r.id LIMIT ? OFFSET ?",
                    where.With({f.limit, f.offset}));
    }
    result.total_is_lower_bound = result.total > kCountCap;
    result.total = std::min(result.total, kCountCap);
    LoadTags(conn, result.items);
    return result;
}

int64_t ResidentService::Create(const auth::Principal& p, ResidentInput in, const audit::Actor& actor) {
    FieldErrors errors;
    Validate(in, errors);
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    std::optional<places::Household> household;
    if (!in.household_id)
        errors.Add("household_id", "required");
    else if (!(household = places::FindHousehold(conn, p, *in.household_id)))
        errors.Add("household_id", "unknown_household");
    errors.ThrowIfAny();
    if (in.id_number &&
        conn.QueryInt("SELECT count(*) FROM residents WHERE id_hash = ?", vault_.LookupHash(*in.id_number)) > 0) {
        throw AppError(ErrorCode::kConflict, "duplicate_id_number");
    }
    int64_t id =
        Insert(conn, in, household->street_id, household->community_id, household->grid_id, household->building_id);
    audit::Append(conn, actor,
                  {"residents.resident.created", "resident", std::to_string(id), true,
                   audit::Diff({}, AuditFields(in), {"id_number", "phone"})});
    tx.Commit();
    return id;
}

void ResidentService::Update(const auth::Principal& p, int64_t id, ResidentInput in, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto current = Find(conn, p, id);
    if (!current) throw AppError(ErrorCode::kNotFound, "not_found");
    auto stored = conn.QueryOne("SELECT id_enc, phone_enc FROM residents WHERE id = ?", id);
    ResidentInput before;
    before.name = current->name;
    before.gender = current->gender;
    before.birth_date = current->birth_date;
    before.ethnicity = current->ethnicity;
    before.political_status = current->political_status;
    before.household_id = current->household_id;
    before.relation = current->relation;
    before.moved_in = current->moved_in;
    before.note = current->note;
    if (auto enc = stored->OptStr("id_enc")) before.id_number = vault_.Decrypt(*enc);
    if (auto enc = stored->OptStr("phone_enc")) before.phone = vault_.Decrypt(*enc);
    if (!in.id_number_given) in.id_number = before.id_number;
    if (!in.phone_given) in.phone = before.phone;

    FieldErrors errors;
    Validate(in, errors);
    std::optional<places::Household> household;
    if (!in.household_id)
        errors.Add("household_id", "required");
    else if (!(household = places::FindHousehold(conn, p, *in.household_id)))
        errors.Add("household_id", "unknown_household");
    errors.ThrowIfAny();
    if (in.id_number && in.id_number != before.id_number &&
        conn.QueryInt("SELECT count(*) FROM residents WHERE id_hash = ? AND id <> ?", vault_.LookupHash(*in.id_number),
                      id) > 0) {
        throw AppError(ErrorCode::kConflict, "duplicate_id_number");
    }
    auto py = text::PinyinOfName(in.name);
    auto enc = [&](const std::optional<std::string>& v) {
        return v ? std::optional<std::string>(vault_.Encrypt(*v)) : std::nullopt;
    };
    auto hash = [&](const std::optional<std::string>& v) {
        return v ? std::optional<std::string>(vault_.LookupHash(*v)) : std::nullopt;
    };
    conn.Exec(
        "UPDATE residents SET name = ?, pinyin = ?, initials = ?, gender = ?, birth_date = ?, ethnicity = ?, "
        "political_status = ?, household_id = ?, relation = ?, id_enc = ?, id_hash = ?, id_masked = ?, phone_enc = ?, "
        "phone_hash = ?, phone_masked = ?, moved_in = ?, note = ?, street_id = ?, community_id = ?, grid_id = ?, "
        "building_id = ?, updated_at = ? WHERE id = ?",
        in.name, py.full, py.initials, in.gender, in.birth_date, in.ethnicity, in.political_status, in.household_id,
        in.relation, enc(in.id_number), hash(in.id_number), in.id_number ? text::MaskIdNumber(*in.id_number) : "",
        enc(in.phone), hash(in.phone), in.phone ? text::MaskPhone(*in.phone) : "", in.moved_in, in.note,
        household->street_id, household->community_id, household->grid_id, household->building_id, time::NowUnix(), id);
    reports::Touch(conn, current->community_id);
    if (household->community_id != current->community_id) reports::Touch(conn, household->community_id);
    for (const auto& g : GramsOf(current->name)) {
        conn.Exec("DELETE FROM resident_grams WHERE gram = ? AND pinyin = ? AND resident_id = ?", g, current->pinyin,
                  id);
    }
    conn.Exec("DELETE FROM resident_tags WHERE resident_id = ?", id);
    {
        db::MultiInsert grams(conn, kInsertGrams, 3, 1), tags(conn, kInsertTags, 2, 1);
        AddGrams(grams, id, in.name, py.full);
        AddTags(tags, id, in.tags);
    }
    json::object diff = audit::Diff(AuditFields(before), AuditFields(in), {"id_number", "phone"});
    std::vector<std::string> old_tags = current->tags;
    std::set<std::string> unique_tags(in.tags.begin(), in.tags.end());
    std::vector<std::string> new_tags(unique_tags.begin(), unique_tags.end());
    if (old_tags != new_tags) {
        json::array a, b;
        for (auto& t : old_tags) a.push_back(json::value(t));
        for (auto& t : new_tags) b.push_back(json::value(t));
        diff["tags"] = {{"before", a}, {"after", b}};
    }
    audit::Append(conn, actor, {"residents.resident.updated", "resident", std::to_string(id), true, diff});
    tx.Commit();
}

void ResidentService::MoveOut(const auth::Principal& p, int64_t id, const std::string& date, const std::string& reason,
                              const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto current = Find(conn, p, id);
    if (!current) throw AppError(ErrorCode::kNotFound, "not_found");
    if (current->moved_out) throw AppError(ErrorCode::kConflict, "already_moved_out");
    if (current->moved_in && date < *current->moved_in) {
        throw AppError::Field("date", "moved_out_before_in");
    }
    conn.Exec("UPDATE residents SET moved_out = ?, updated_at = ? WHERE id = ?", date, time::NowUnix(), id);
    reports::Touch(conn, current->community_id);
    audit::Append(conn, actor,
                  {"residents.resident.moved_out",
                   "resident",
                   std::to_string(id),
                   true,
                   {{"moved_out", {{"before", nullptr}, {"after", date}}}, {"reason", reason}}});
    tx.Commit();
}

Contact ResidentService::RevealContact(const auth::Principal& p, int64_t id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto current = Find(conn, p, id);
    if (!current) throw AppError(ErrorCode::kNotFound, "not_found");
    auto stored = conn.QueryOne("SELECT id_enc, phone_enc FROM residents WHERE id = ?", id);
    Contact out{.id = id};
    if (auto enc = stored->OptStr("id_enc")) out.id_number = vault_.Decrypt(*enc);
    if (auto enc = stored->OptStr("phone_enc")) out.phone = vault_.Decrypt(*enc);
    audit::Append(conn, actor,
                  {"residents.contact.revealed",
                   "resident",
                   std::to_string(id),
                   true,
                   {{"fields", json::array{"id_number", "phone"}}}});
    tx.Commit();
    return out;
}

bool LivesInCommunity(db::Connection& conn, int64_t resident_id, int64_t community_id) {
    return conn.QueryInt("SELECT count(*) FROM residents WHERE id = ? AND community_id = ?", resident_id,
                         community_id) > 0;
}

}  // namespace tongxin::residents
