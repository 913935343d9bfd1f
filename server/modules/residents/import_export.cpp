// Spreadsheet import and export of residents.
#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <tuple>

#include "core/auth/scope.hpp"
#include "core/crypto/vault.hpp"
#include "core/error/messages.hpp"
#include "core/io/sheet_import.hpp"
#include "core/text/chinese.hpp"
#include "core/text/codes.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/json.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::residents {
namespace json = boost::json;
namespace {

// The columns of a residents sheet, with the headers community workers write for them.
const std::vector<io::ImportColumn>& ResidentColumns() {
    static const std::vector<io::ImportColumn> kAll = {
        {"name", {"姓名"}, true},
        {"gender", {"性别"}, true},
        {"ethnicity", {"民族"}, true},
        {"id_number", {"身份证号", "身份证号码", "公民身份号码"}},
        {"phone", {"联系电话", "手机号", "手机号码", "电话"}},
        {"birth_date", {"出生日期"}},
        {"political_status", {"政治面貌"}},
        {"compound", {"小区", "小区名称", "院落", "小区（院落）"}},
        {"building", {"楼栋", "楼栋号", "楼栋（号）", "楼号"}, true},
        {"unit", {"单元"}},
        {"room", {"门牌号", "房号"}, true},
        {"relation", {"与户主关系"}},
        {"moved_in", {"迁入日期"}},
        {"tags", {"标签"}},
        {"note", {"备注"}},
    };
    return kAll;
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

// A building's number as workers write it: 3栋, 3幢, 3号楼, 3号 and 3 are one building.
std::string BuildingKey(std::string name) {
    name = text::Trim(name);
    for (const char* suffix : {"号楼", "栋", "幢", "号", "楼"}) {
        std::string_view sv(suffix);
        if (name.size() > sv.size() && name.compare(name.size() - sv.size(), sv.size(), sv) == 0) {
            name.resize(name.size() - sv.size());
            break;
        }
    }
    size_t zeros = 0;
    while (zeros + 1 < name.size() && name[zeros] == '0') ++zeros;
    return name.substr(zeros);
}

// A unit or room as workers write it: 2单元 is unit 2, 301室 is room 301.
std::string WithoutSuffix(std::string v, std::string_view suffix) {
    v = text::Trim(v);
    if (v.size() > suffix.size() && v.compare(v.size() - suffix.size(), suffix.size(), suffix) == 0)
        v.resize(v.size() - suffix.size());
    return v;
}

// A community's buildings as an import finds them: by compound and number, by full name, or by
// the full name's number form (安公小区3幢 for 安公小区3栋).
class BuildingIndex {
  public:
    explicit BuildingIndex(std::vector<places::Place> buildings) : buildings_(std::move(buildings)) {
        for (const places::Place& b : buildings_) {
            by_name_.emplace(b.name, &b);
            by_key_.emplace(BuildingKey(b.name), &b);
            if (b.compound_id) {
                compounds_.insert(b.compound_name);
                std::string own = b.name;
                if (own.rfind(b.compound_name, 0) == 0) own = own.substr(b.compound_name.size());
                by_compound_.emplace(std::make_pair(b.compound_name, BuildingKey(own)), &b);
            }
        }
    }
    // The maps point into buildings_: the index stays where it was made.
    BuildingIndex(const BuildingIndex&) = delete;
    BuildingIndex& operator=(const BuildingIndex&) = delete;
    bool HasCompound(const std::string& name) const { return compounds_.count(name) > 0; }
    const places::Place* Find(const std::string& compound, std::string building) const {
        if (!compound.empty()) {
            if (building.rfind(compound, 0) == 0) building = building.substr(compound.size());
            auto it = by_compound_.find({compound, BuildingKey(building)});
            return it == by_compound_.end() ? nullptr : it->second;
        }
        if (auto it = by_name_.find(building); it != by_name_.end()) return it->second;
        auto it = by_key_.find(BuildingKey(building));
        return it == by_key_.end() ? nullptr : it->second;
    }

  private:
    std::vector<places::Place> buildings_;
    std::map<std::string, const places::Place*> by_name_, by_key_;
    std::map<std::pair<std::string, std::string>, const places::Place*> by_compound_;
    std::set<std::string> compounds_;
};

}  // namespace

std::string ResidentService::ImportTemplate() {
    // name, gender, ethnicity, id_number, phone, birth_date, political_status, compound, building, unit,
    // room, relation, moved_in, tags, note
    return io::ImportTemplate("居民信息", ResidentColumns(),
                              {{"张三", "男", "藏族", "", "", "1985-06-01", "群众", "安公小区", "1栋", "1", "101",
                                "户主", "2019-03-01", "独居老人", ""}});
}

ResidentMatch MatchResident(db::Connection& conn, const auth::Principal& p, const crypto::Vault& vault,
                            int64_t community_id, const std::string& name, const std::string& id_number) {
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.community_id = ?", community_id);
    where.Add("r.moved_out IS NULL");
    if (!id_number.empty()) {
        if (!text::ParseIdCard(id_number)) return {std::nullopt, "id_number", "invalid_id_number"};
        where.Add("r.id_hash = ?", vault.LookupHash(id_number));
    } else {
        where.Add("r.name = ?", name);
    }
    auto rows = conn.Run("SELECT r.id, r.name FROM residents r" + where.Sql() + " LIMIT 2", where.values());
    if (rows.empty()) return {std::nullopt, id_number.empty() ? "name" : "id_number", "unknown_resident"};
    if (rows.size() > 1) return {std::nullopt, "name", "ambiguous_resident"};
    if (!id_number.empty() && !name.empty() && rows.front().Str("name") != name)
        return {std::nullopt, "name", "name_does_not_match"};
    return {rows.front().Int("id"), "", ""};
}

ResidentService::ImportReport ResidentService::Import(const auth::Principal& p, int64_t community_id,
                                                      std::string_view bytes, bool commit, const audit::Actor& actor) {
    io::ImportSheet sheet(bytes, ResidentColumns());

    db::Connection& conn = db_.Local();
    // One transaction for the whole file: a dry run reads a consistent view without taking a
    // lock per statement, a commit writes all rows or none.
    db::Transaction tx(conn, commit ? db::Transaction::Mode::kWrite : db::Transaction::Mode::kRead);
    auto community = places::FindPlace(conn, p, community_id);
    if (!community || community->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
    BuildingIndex buildings(places::ListPlaces(conn, p, "building", std::nullopt, community_id));
    // The households that exist, so that a dry run can say how many the import will add.
    std::set<std::tuple<int64_t, std::string, std::string>> existing;
    for (const auto& r :
         conn.Query("SELECT building_id, unit, room FROM households WHERE community_id = ?", community_id)) {
        existing.emplace(r.Int("building_id"), r.Str("unit"), r.Str("room"));
    }
    std::set<std::tuple<int64_t, std::string, std::string>> adding;

    ImportReport report;
    report.errors = sheet.missing();
    if (!report.errors.empty()) {
        report.rows = sheet.rows();
        if (commit) io::ThrowImportErrors(report.errors, report.rows);
        return report;
    }
    auto cell = [&](const std::vector<std::string>& row, const std::string& field) { return sheet.Cell(row, field); };
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
    sheet.EachRow([&](int row_no, const std::vector<std::string>& row) {
        ++report.rows;
        ResidentInput in;
        in.name = cell(row, "name");
        in.gender = cell(row, "gender");
        in.ethnicity = cell(row, "ethnicity");
        in.political_status = cell(row, "political_status");
        in.relation = cell(row, "relation");
        in.birth_date = opt(sheet.DateCell(row, "birth_date"));
        in.moved_in = opt(sheet.DateCell(row, "moved_in"));
        in.id_number = opt(cell(row, "id_number"));
        in.phone = opt(cell(row, "phone"));
        in.note = cell(row, "note");
        in.tags = SplitTags(cell(row, "tags"));
        FieldErrors errors;
        Validate(in, errors);
        std::vector<ImportIssue> issues;
        auto header = [&](const std::string& f) { return sheet.Header(f); };
        for (const auto& [field, reason] : errors.fields()) {
            issues.push_back({row_no, header(std::string(field)), std::string(reason.as_string())});
        }
        std::string compound = cell(row, "compound");
        const places::Place* building = nullptr;
        if (!compound.empty() && !buildings.HasCompound(compound)) {
            issues.push_back({row_no, header("compound"), "unknown_compound"});
        } else if (building = buildings.Find(compound, cell(row, "building")); !building) {
            issues.push_back(
                {row_no, header("building"), compound.empty() ? "unknown_building" : "unknown_compound_building"});
        }
        std::string room = WithoutSuffix(cell(row, "room"), "室");
        if (in.id_number && text::ParseIdCard(*in.id_number)) {
            if (!seen_ids.insert(*in.id_number).second) {
                issues.push_back({row_no, header("id_number"), "duplicate_in_file"});
            } else if (issues.empty()) {
                id_checks.push_back({row_no, header("id_number"), vault_.LookupHash(*in.id_number)});
            }
        }
        if (!issues.empty()) {
            report.errors.insert(report.errors.end(), issues.begin(), issues.end());
            return;
        }
        std::string unit = WithoutSuffix(cell(row, "unit"), "单元");
        if (!existing.count({building->id, unit, room})) adding.emplace(building->id, unit, room);
        valid.push_back({std::move(in), building, unit, room, row_no});
    });
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
    report.new_households = static_cast<int>(adding.size());
    for (size_t i = 0; i < valid.size() && i < 20; ++i) report.preview.push_back(valid[i].in);
    if (!commit) return report;
    if (!report.errors.empty() || valid.empty()) io::ThrowImportErrors(report.errors, report.rows);
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
