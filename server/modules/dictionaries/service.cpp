#include "modules/dictionaries/service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/error/app_error.hpp"
#include "core/text/chinese.hpp"
#include "core/time/clock.hpp"

namespace tongxin::dictionaries {
namespace json = boost::json;
namespace {

constexpr const char* kEntryCols = R"sql(
SELECT dictionary, code, name_zh, name_en, sort_order, active, builtin FROM dictionary_entries)sql";

Entry EntryOf(const db::Row& r) {
    return {r.Str("dictionary"), r.Str("code"),        r.Str("name_zh"),     r.Str("name_en"),
            r.Int("sort_order"), r.Int("active") != 0, r.Int("builtin") != 0};
}

void Known(const std::string& dictionary) {
    const auto& names = Names();
    if (std::find(names.begin(), names.end(), dictionary) == names.end())
        throw AppError(ErrorCode::kNotFound, "not_found");
}

// Codes are what records store: lower-case words for kinds; a tag is its own Chinese text.
bool ValidCode(const std::string& dictionary, const std::string& code) {
    if (dictionary == "resident_tags") return !code.empty() && text::Utf8Chars(code).size() <= 20;
    if (code.empty() || code.size() > 40 || code.front() < 'a' || code.front() > 'z') return false;
    return std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

void Validate(const std::string& dictionary, const EntryInput& in, bool creating) {
    FieldErrors errors;
    if (creating && !ValidCode(dictionary, in.code)) errors.Add("code", "invalid_code");
    if (in.name_zh.empty()) errors.Add("name_zh", "required");
    if (in.sort_order < 0 || in.sort_order > 100000) errors.Add("sort_order", "out_of_range");
    errors.ThrowIfAny();
}

json::object Fields(const EntryInput& in) {
    return {{"name_zh", in.name_zh}, {"name_en", in.name_en}, {"sort_order", in.sort_order}, {"active", in.active}};
}

}  // namespace

const std::vector<std::string>& Names() {
    static const std::vector<std::string> kAll = {"volunteer_kinds", "service_point_kinds", "resident_tags"};
    return kAll;
}

std::vector<Entry> Entries(db::Connection& conn, const std::string& dictionary, bool offered_only) {
    std::vector<Entry> out;
    for (const auto& r : conn.Query(std::string(kEntryCols) + " WHERE dictionary = ?" +
                                        (offered_only ? " AND active = 1" : "") + " ORDER BY sort_order, code",
                                    dictionary)) {
        out.push_back(EntryOf(r));
    }
    return out;
}

std::vector<std::string> OfferedCodes(db::Connection& conn, const std::string& dictionary) {
    std::vector<std::string> out;
    for (const Entry& e : Entries(conn, dictionary, true)) out.push_back(e.code);
    return out;
}

bool IsOffered(db::Connection& conn, const std::string& dictionary, const std::string& code) {
    return conn.QueryInt("SELECT count(*) FROM dictionary_entries WHERE dictionary = ? AND code = ? AND active = 1",
                         dictionary, code) > 0;
}

std::optional<std::string> CodeNamed(db::Connection& conn, const std::string& dictionary, const std::string& text) {
    for (const Entry& e : Entries(conn, dictionary, true)) {
        if (e.code == text || e.name_zh == text || (!e.name_en.empty() && e.name_en == text)) return e.code;
    }
    return std::nullopt;
}

Entry AddEntry(db::Connection& conn, const std::string& dictionary, const EntryInput& in, const audit::Actor& actor) {
    Known(dictionary);
    Validate(dictionary, in, true);
    if (conn.QueryInt("SELECT count(*) FROM dictionary_entries WHERE dictionary = ? AND code = ?", dictionary,
                      in.code) > 0) {
        throw AppError(ErrorCode::kConflict, "duplicate_code");
    }
    conn.Exec(
        "INSERT INTO dictionary_entries (dictionary, code, name_zh, name_en, sort_order, active, builtin, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
        dictionary, in.code, in.name_zh, in.name_en, in.sort_order, int64_t{in.active ? 1 : 0}, time::NowUnix());
    json::object details = Fields(in);
    details["dictionary"] = dictionary;
    audit::Append(conn, actor,
                  {"dictionaries.entry.added", "dictionary_entry", dictionary + ":" + in.code, true, details});
    return {dictionary, in.code, in.name_zh, in.name_en, in.sort_order, in.active, false};
}

Entry UpdateEntry(db::Connection& conn, const std::string& dictionary, const std::string& code, const EntryInput& in,
                  const audit::Actor& actor) {
    Known(dictionary);
    auto row = conn.QueryOne(std::string(kEntryCols) + " WHERE dictionary = ? AND code = ?", dictionary, code);
    if (!row) throw AppError(ErrorCode::kNotFound, "not_found");
    Validate(dictionary, in, false);
    Entry before = EntryOf(*row);
    conn.Exec(
        "UPDATE dictionary_entries SET name_zh = ?, name_en = ?, sort_order = ?, active = ?, updated_at = ? "
        "WHERE dictionary = ? AND code = ?",
        in.name_zh, in.name_en, in.sort_order, int64_t{in.active ? 1 : 0}, time::NowUnix(), dictionary, code);
    EntryInput old{code, before.name_zh, before.name_en, before.sort_order, before.active};
    audit::Append(conn, actor,
                  {"dictionaries.entry.updated", "dictionary_entry", dictionary + ":" + code, true,
                   audit::Diff(Fields(old), Fields(in))});
    return {dictionary, code, in.name_zh, in.name_en, in.sort_order, in.active, before.builtin};
}

}  // namespace tongxin::dictionaries
