// Spreadsheet import and export of residents.
#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <tuple>

#include "core/crypto/vault.hpp"
#include "core/error/messages.hpp"
#include "core/io/spreadsheet.hpp"
#include "core/text/chinese.hpp"
#include "core/text/codes.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/json.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::residents {
namespace json = boost::json;
namespace {

// Column headers as community workers write them -> field.
const std::map<std::string, std::string>& HeaderAliases() {
    static const std::map<std::string, std::string> kAll = {
        {"姓名", "name"},
        {"性别", "gender"},
        {"民族", "ethnicity"},
        {"身份证号", "id_number"},
        {"身份证号码", "id_number"},
        {"公民身份号码", "id_number"},
        {"联系电话", "phone"},
        {"手机号", "phone"},
        {"手机号码", "phone"},
        {"电话", "phone"},
        {"出生日期", "birth_date"},
        {"政治面貌", "political_status"},
        {"楼栋", "building"},
        {"楼栋号", "building"},
        {"单元", "unit"},
        {"门牌号", "room"},
        {"房号", "room"},
        {"与户主关系", "relation"},
        {"迁入日期", "moved_in"},
        {"标签", "tags"},
        {"备注", "note"},
    };
    return kAll;
}

const std::vector<std::string> kRequired = {"name", "gender", "ethnicity", "building", "room"};

std::string NormaliseDate(const std::string& v) {
    if (v.empty()) return v;
    if (auto d = io::ExcelSerialToDate(v)) return *d;
    std::string s = v;
    for (char& c : s)
        if (c == '/' || c == '.') c = '-';
    // 1990-1-5 -> 1990-01-05
    auto dash1 = s.find('-');
    auto dash2 = s.find('-', dash1 == std::string::npos ? 0 : dash1 + 1);
    if (dash1 == 4 && dash2 != std::string::npos) {
        std::string m = s.substr(5, dash2 - 5), d = s.substr(dash2 + 1);
        if (m.size() == 1) m = "0" + m;
        if (d.size() == 1) d = "0" + d;
        s = s.substr(0, 4) + "-" + m + "-" + d;
    }
    return s;
}

std::vector<std::string> SplitTags(const std::string& v) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::string t = text::Trim(cur);
        if (!t.empty()) out.push_back(t);
        cur.clear();
    };
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == ',' || v[i] == ';' || v[i] == ' ') {
            flush();
        } else if (v.compare(i, 3, "，") == 0 || v.compare(i, 3, "、") == 0 || v.compare(i, 3, "；") == 0) {
            flush();
            i += 2;
        } else {
            cur += v[i];
        }
    }
    flush();
    return out;
}

}  // namespace

ResidentService::ImportReport ResidentService::Import(const auth::Principal& p, int64_t community_id,
                                                      std::string_view bytes, bool commit, const audit::Actor& actor) {
    io::Table table;
    try {
        table = io::ReadSpreadsheet(bytes);
    } catch (const std::exception&) {
        throw AppError(ErrorCode::kUnprocessable, "import_unreadable");
    }
    if (table.empty()) throw AppError(ErrorCode::kUnprocessable, "import_unreadable");

    db::Connection& conn = db_.Local();
    // One transaction for the whole file: a dry run reads a consistent view without taking a
    // lock per statement, a commit writes all rows or none.
    db::Transaction tx(conn, commit ? db::Transaction::Mode::kWrite : db::Transaction::Mode::kRead);
    auto community = places::FindPlace(conn, p, community_id);
    if (!community || community->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
    std::map<std::string, places::Place> buildings;
    for (auto& b : places::ListPlaces(conn, p, "building", std::nullopt, community_id)) buildings.emplace(b.name, b);

    ImportReport report;
    std::map<std::string, size_t> columns;  // field -> column index
    std::map<std::string, std::string> header_of;
    for (size_t c = 0; c < table[0].size(); ++c) {
        auto it = HeaderAliases().find(table[0][c]);
        if (it != HeaderAliases().end() && !columns.count(it->second)) {
            columns[it->second] = c;
            header_of[it->second] = table[0][c];
        }
    }
    const std::map<std::string, std::string> kDefaultHeader = {
        {"name", "姓名"}, {"gender", "性别"}, {"ethnicity", "民族"}, {"building", "楼栋"}, {"room", "门牌号"}};
    for (const auto& f : kRequired) {
        if (!columns.count(f)) report.errors.push_back({1, kDefaultHeader.at(f), "missing_column"});
    }
    if (!report.errors.empty()) {
        report.rows = static_cast<int>(table.size()) - 1;
        if (commit) {
            json::array errs;
            for (auto& e : report.errors) errs.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code}});
            throw AppError(ErrorCode::kUnprocessable, "import_has_errors", {{"errors", errs}});
        }
        return report;
    }
    auto cell = [&](const std::vector<std::string>& row, const std::string& field) -> std::string {
        auto it = columns.find(field);
        return it == columns.end() || it->second >= row.size() ? std::string() : row[it->second];
    };
    auto opt = [](std::string v) { return v.empty() ? std::nullopt : std::optional<std::string>(std::move(v)); };

    struct Valid {
        ResidentInput in;
        const places::Place* building;
        std::string unit, room;
        int row_no;
    };
    std::vector<Valid> valid;
    std::set<std::string> seen_ids;
    // Rows whose ID number is well formed and unique within the file; checked against the
    // registry below in batches.
    struct IdCheck {
        int row_no;
        std::string column, hash;
    };
    std::vector<IdCheck> id_checks;
    for (size_t r = 1; r < table.size(); ++r) {
        const auto& row = table[r];
        bool blank = true;
        for (const auto& c : row)
            if (!c.empty()) blank = false;
        if (blank) continue;
        ++report.rows;
        int row_no = static_cast<int>(r + 1);
        ResidentInput in;
        in.name = cell(row, "name");
        in.gender = cell(row, "gender");
        in.ethnicity = cell(row, "ethnicity");
        in.political_status = cell(row, "political_status");
        in.relation = cell(row, "relation");
        in.birth_date = opt(NormaliseDate(cell(row, "birth_date")));
        in.moved_in = opt(NormaliseDate(cell(row, "moved_in")));
        in.id_number = opt(cell(row, "id_number"));
        in.phone = opt(cell(row, "phone"));
        in.note = cell(row, "note");
        in.tags = SplitTags(cell(row, "tags"));
        FieldErrors errors;
        Validate(in, errors);
        std::vector<ImportIssue> issues;
        auto header = [&](const std::string& f) {
            auto it = header_of.find(f);
            return it == header_of.end() ? f : it->second;
        };
        for (const auto& [field, reason] : errors.fields()) {
            issues.push_back({row_no, header(std::string(field)), std::string(reason.as_string())});
        }
        std::string building_name = cell(row, "building");
        auto b = buildings.find(building_name);
        if (b == buildings.end()) issues.push_back({row_no, header("building"), "unknown_building"});
        std::string room = cell(row, "room");
        if (in.id_number && text::ParseIdCard(*in.id_number)) {
            if (!seen_ids.insert(*in.id_number).second) {
                issues.push_back({row_no, header("id_number"), "duplicate_in_file"});
            } else if (issues.empty()) {
                id_checks.push_back({row_no, header("id_number"), vault_.LookupHash(*in.id_number)});
            }
        }
        if (!issues.empty()) {
            report.errors.insert(report.errors.end(), issues.begin(), issues.end());
            continue;
        }
        valid.push_back({std::move(in), &b->second, cell(row, "unit"), room, row_no});
    }
    // ID numbers already in the registry, 500 per query.
    std::set<int> taken_rows;
    for (size_t start = 0; start < id_checks.size(); start += 500) {
        size_t end = std::min(id_checks.size(), start + 500);
        std::string sql = "SELECT id_hash FROM residents WHERE id_hash IN (";
        std::vector<db::Value> hashes;
        std::map<std::string, size_t> index_of;
        for (size_t i = start; i < end; ++i) {
            sql += i == start ? "?" : ", ?";
            hashes.emplace_back(id_checks[i].hash);
            index_of[id_checks[i].hash] = i;
        }
        for (const auto& r : conn.Run(sql + ")", hashes)) {
            const IdCheck& c = id_checks[index_of.at(r.Str(0))];
            report.errors.push_back({c.row_no, c.column, "duplicate_id_number"});
            taken_rows.insert(c.row_no);
        }
    }
    if (!taken_rows.empty()) {
        std::stable_sort(report.errors.begin(), report.errors.end(),
                         [](const ImportIssue& a, const ImportIssue& b) { return a.row < b.row; });
        std::erase_if(valid, [&](const Valid& v) { return taken_rows.count(v.row_no) > 0; });
    }
    report.valid = static_cast<int>(valid.size());
    for (size_t i = 0; i < valid.size() && i < 20; ++i) report.preview.push_back(valid[i].in);
    if (!commit) return report;
    if (!report.errors.empty() || valid.empty()) {
        json::array errs;
        for (auto& e : report.errors) errs.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code}});
        throw AppError(ErrorCode::kUnprocessable, "import_has_errors", {{"errors", errs}, {"rows", report.rows}});
    }
    // A large import touches index pages all over a big table: give this connection a larger
    // page cache while it writes (SQLite; restored below).
    bool sqlite = conn.backend() == db::Backend::kSqlite;
    if (sqlite) conn.RunScript("PRAGMA cache_size=-524288");
    // Inserting in pinyin order turns the writes to the name-ordered indexes (pinyin,
    // initials, community + pinyin, name substrings) into near-sequential ones.
    std::vector<std::pair<std::string, size_t>> order;
    order.reserve(valid.size());
    for (size_t i = 0; i < valid.size(); ++i) order.emplace_back(text::PinyinOfName(valid[i].in.name).full, i);
    std::sort(order.begin(), order.end());
    // Many rows share a household: look each up (or create it) once.
    std::map<std::tuple<int64_t, std::string, std::string>, places::Household> households;
    std::vector<Placed> placed;
    placed.reserve(order.size());
    for (const auto& [pinyin, index] : order) {
        Valid& v = valid[index];
        auto key = std::make_tuple(v.building->id, v.unit, v.room);
        auto known = households.find(key);
        if (known == households.end()) {
            known = households.emplace(key, places::FindOrCreateHousehold(conn, *v.building, v.unit, v.room)).first;
        }
        const places::Household& h = known->second;
        v.in.household_id = h.id;
        placed.push_back({&v.in, h.street_id, h.community_id, h.grid_id, h.building_id});
    }
    std::vector<int64_t> ids = InsertMany(conn, placed);
    report.imported = static_cast<int>(valid.size());
    if (sqlite) conn.RunScript("PRAGMA cache_size=-65536");
    audit::Append(conn, actor,
                  {"residents.import.committed",
                   "community",
                   std::to_string(community_id),
                   true,
                   {{"rows", report.imported},
                    {"first_resident_id", ids.front()},
                    {"last_resident_id", ids.back()},
                    {"file_sha256", crypto::Sha256Hex(bytes)}}});
    tx.Commit();
    return report;
}

std::string ResidentService::Export(const auth::Principal& p, SearchFilter f, bool unmasked, const std::string& lang,
                                    const audit::Actor& actor) {
    const bool en = lang == "en";
    std::vector<std::string> header =
        en ? std::vector<std::string>{"Name",     "Gender",    "Birth date", "Ethnicity", "Political status", "Address",
                                      "Relation", "ID number", "Phone",      "Moved in",  "Moved out",        "Tags"}
           : std::vector<std::string>{"姓名",       "性别",     "出生日期", "民族",     "政治面貌", "地址",
                                      "与户主关系", "身份证号", "联系电话", "迁入日期", "迁出日期", "标签"};
    io::Table rows;
    f.offset = 0;
    f.limit = 1000;
    db::Connection& conn = db_.Local();
    int64_t exported = 0;
    for (;;) {
        SearchResult page = Search(p, f);
        for (const Resident& r : page.items) {
            json::object j = ToJson(r, lang, true);
            std::string id_number = r.id_masked, phone = r.phone_masked;
            if (unmasked) {
                auto stored = conn.QueryOne("SELECT id_enc, phone_enc FROM residents WHERE id = ?", r.id);
                if (auto enc = stored->OptStr("id_enc")) id_number = vault_.Decrypt(*enc).value_or("");
                if (auto enc = stored->OptStr("phone_enc")) phone = vault_.Decrypt(*enc).value_or("");
            }
            std::string tags;
            for (const auto& t : r.tags) tags += (tags.empty() ? "" : "、") + t;
            rows.push_back({r.name, r.gender == "M" ? (en ? "Male" : "男") : (en ? "Female" : "女"),
                            r.birth_date.value_or(""), std::string(j["ethnicity_name"].as_string()),
                            std::string(j["political_status_name"].as_string()), r.household_address,
                            std::string(j["relation_name"].as_string()), id_number, phone, r.moved_in.value_or(""),
                            r.moved_out.value_or(""), tags});
            ++exported;
        }
        if (static_cast<int64_t>(page.items.size()) < f.limit) break;
        f.offset += f.limit;
    }
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    audit::Append(conn, actor,
                  {"residents.exported",
                   "resident",
                   "*",
                   true,
                   {{"rows", exported}, {"unmasked", unmasked}, {"q", text::MaskNumbersIn(f.q)}}});
    tx.Commit();
    return io::WriteXlsx(en ? "Residents" : "居民", header, rows);
}

}  // namespace tongxin::residents
