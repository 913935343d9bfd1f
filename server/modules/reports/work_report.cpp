// The work report (工作总结): a community's or a street's year written from its indicators, in the
// structure communities hand in — overview, 五线发动 (each line), 六大平台 (each platform), 成效,
// community services. Each sentence is a template whose placeholders are bound to records:
//   {registry.residents}  an indicator's value, as text with its unit, linked to its records;
//   {list:culture.top_events}  the year's highlights drawn from records (largest events, brand
//                              projects, shuttle days...);
//   {place}  the community's or street's name.
// A sentence whose figure is zero or missing (or whose list is empty, or which the reader's role
// may not see) is left out, never printed as "0". A community may rewrite the words around the
// placeholders; the edited template is kept per place, year and language (work_report_texts), and
// must keep exactly the placeholders it had, so the figures stay bound to their records.
#include <boost/json.hpp>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "core/audit/audit.hpp"
#include "core/error/app_error.hpp"
#include "core/http/json_body.hpp"
#include "core/http/paging.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"
#include "modules/reports/module.hpp"

namespace tongxin::reports {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

constexpr size_t kMaxSentenceChars = 600;

struct Sentence {
    const char* key;
    const char* zh;
    const char* en;
};
struct Paragraph {
    const char* key;
    const char* lead_zh;
    const char* lead_en;
    std::vector<Sentence> sentences;
};
struct Section {
    const char* key;
    const char* title_zh;
    const char* title_en;
    std::vector<Paragraph> paragraphs;
};

// The report's default text, after the article communities model their reports on.
const std::vector<Section>& Outline() {
    static const std::vector<Section> kOutline = {
        {"overview",
         "基本情况",
         "Overview",
         {{"overview",
           "",
           "",
           {{"overview.population",
             "{place}现有常住居民{registry.residents}、{registry.households}，其中少数民族居民{registry.minority_"
             "residents}。",
             "{place} has {registry.residents} in {registry.households}; {registry.minority_residents} of them belong "
             "to ethnic minorities."}}}}},
        {"lines",
         "实施“五线发动” 有效动员各民族群众力量",
         "The five lines: mobilising residents of every ethnic group",
         {{"party",
           "发动“党员线”：",
           "The party line: ",
           {{"lines.party.groups",
             "发动社区少数民族党员{party.minority_members}，成立民族工作党小组{party.ethnic_work_groups}。",
             "The community's minority Party members ({party.minority_members}) formed {party.ethnic_work_groups} "
             "for ethnic work."},
            {"lines.party.liaison", "对少数民族居民建立党员一对一联络机制，联络覆盖率达{party.liaison_coverage}。",
             "Party members keep one-to-one contact with minority residents, reaching {party.liaison_coverage} of "
             "them."}}},
          {"governance",
           "发动“自治线”：",
           "The self-governance line: ",
           {{"lines.governance.backbones",
             "发掘培养少数民族居民担任楼栋长、业委会、议事会等群众自治组织骨干{governance.minority_backbones}。",
             "{governance.minority_backbones} from minority groups serve as building heads, on the owners' committee "
             "or on deliberation councils."}}},
          {"volunteer",
           "发动“志愿线”：",
           "The volunteer line: ",
           {{"lines.volunteer.regulars",
             "组建少数民族志愿者队伍，少数民族常态志愿者达{volunteer.regular_volunteers}，全年志愿服务{volunteer.hours}"
             "。",
             "Minority regular volunteers number {volunteer.regular_volunteers}; they served {volunteer.hours} in "
             "the year."}}},
          {"societies",
           "发动“社团线”：",
           "The societies line: ",
           {{"lines.societies.count",
             "鼓励少数民族群众组建歌曲舞蹈、民族乐器等群众性社团组织{societies.count}，吸纳各民族成员{societies."
             "members}。",
             "Residents run {societies.count} of song, dance and folk music with {societies.members} of every ethnic "
             "group."},
            {"lines.societies.events", "全年开展惠民演出、文化表演和公益活动{societies.events}。",
             "They gave {societies.events} of performances and charity events in the year."}}},
          {"services",
           "发动“服务线”：",
           "The services line: ",
           {{"lines.services.mutual_aid",
             "在“一刻钟公共服务圈”建设中建立互助服务机制，全年完成邻里互助{services.mutual_aid_completed}。",
             "Within the 15-minute service circle, neighbours completed mutual-aid requests "
             "{services.mutual_aid_completed} in the year."}}}}},
        {"platforms",
         "搭建“六大平台” 不断夯实基层民族工作力量",
         "The six platforms: strengthening ethnic work at the grassroots",
         {{"selfhelp",
           "搭建民族自助服务平台：",
           "The self-help platform: ",
           {{"platforms.selfhelp.officers", "建立“社区民族一家亲委员会”，选拔民族联络员{selfhelp.liaison_officers}。",
             "The unity committee has {selfhelp.liaison_officers} serving as ethnic liaison officers."},
            {"platforms.selfhelp.activities", "各族群众自发组织各类活动{selfhelp.activities}。",
             "Residents organised {selfhelp.activities} themselves."}}},
          {"culture",
           "搭建民族文化活动平台：",
           "The culture platform: ",
           {{"platforms.culture.venues", "建成民族文化活动场所{culture.venue_area_m2}。",
             "Ethnic culture venues cover {culture.venue_area_m2}."},
            {"platforms.culture.visitors", "民族文化博物馆全年接待参观{culture.visitors}。",
             "The ethnic culture museum received {culture.visitors} in the year."},
            {"platforms.culture.events",
             "开展民族文化品牌系列活动{culture.events}，规模较大的有{list:culture.top_events}。",
             "The branded culture series held {culture.events}, the largest being {list:culture.top_events}."}}},
          {"rights",
           "搭建民族权益维护平台：",
           "The rights platform: ",
           {{"platforms.rights.disputes",
             "建立“居民权益维护中心”，为各族群众提供法律援助、矛盾化解和权益维护等服务，已累计化解矛盾纠纷{rights."
             "disputes_resolved}。",
             "The residents' rights centre offers legal aid and mediation; it has resolved "
             "{rights.disputes_resolved} of disputes so far."}}},
          {"charity",
           "搭建民族关爱救助平台：",
           "The care and relief platform: ",
           {{"platforms.charity.projects", "成立公益慈善基金，开设{list:charity.projects}等项目。",
             "The charity fund runs {list:charity.projects}."},
            {"platforms.charity.raised", "全年募集帮扶资金{charity.raised_fen}。",
             "It raised {charity.raised_fen} in the year."}}},
          {"jobs",
           "搭建民族就业创业平台：",
           "The employment and entrepreneurship platform: ",
           {{"platforms.jobs.registered", "建立“居民就业创业服务中心”，全年登记求职的少数民族居民{jobs.registered}。",
             "The employment centre registered {jobs.registered} from minority groups as job seekers."},
            {"platforms.jobs.brands", "培树{list:jobs.brands}等创新创业品牌。",
             "Brands founded with its help include {list:jobs.brands}."},
            {"platforms.jobs.certificates",
             "取得专业资格证书的少数民族居民{jobs.certificates}，证书包括{list:jobs.certificate_kinds}等。",
             "{jobs.certificates} from minority groups obtained professional certificates, among them "
             "{list:jobs.certificate_kinds}."},
            {"platforms.jobs.retained", "就业 6 个月后仍在岗的比例为{jobs.retained_6m}。",
             "{jobs.retained_6m} of those placed were still in work six months later."}}},
          {"linkage",
           "搭建民族资源联动平台：",
           "The resource linkage platform: ",
           {{"platforms.linkage.partners", "与{list:linkage.partners}等签订共建协议，共建单位{linkage.partners}。",
             "Co-building agreements with {list:linkage.partners} and others are in force: {linkage.partners} in "
             "all."},
            {"platforms.linkage.projects", "共建{list:linkage.projects}等品牌项目{linkage.brand_projects}。",
             "Together they run {linkage.brand_projects}, among them {list:linkage.projects}."}}}}},
        {"results",
         "工作成效",
         "Results",
         {{"results",
           "",
           "",
           {{"results.backbones",
             "成为社区下设党组织、自治组织和社会组织骨干的少数民族群众{outcomes.minority_backbones}。",
             "{outcomes.minority_backbones} from minority groups became backbones of the community's Party, "
             "self-governance and social organisations."},
            {"results.volunteers",
             "成为社区常态志愿者的少数民族群众{volunteer.regular_volunteers}，全年志愿服务时长{volunteer.hours}。",
             "{volunteer.regular_volunteers} from minority groups are regular volunteers, with {volunteer.hours} "
             "served in the year."},
            {"results.businesses", "创办企业或完成个体工商户注册的少数民族群众{outcomes.businesses}。",
             "{outcomes.businesses} founded a company or registered as self-employed."},
            {"results.employed", "实现就业的少数民族群众{outcomes.employed}。",
             "{outcomes.employed} found employment."},
            {"results.pandemic", "疫情防控期间，少数民族同胞为社区捐款捐物价值{charity.pandemic_donations_fen}。",
             "During the epidemic, minority residents gave money and goods worth "
             "{charity.pandemic_donations_fen}."}}}}},
        {"services",
         "社区服务",
         "Community services",
         {{"shuttle",
           "",
           "",
           {{"services.shuttle", "社区接驳专车全年运送居民{shuttle.boarded}，包括{list:shuttle.days}。",
             "The community shuttle carried residents {shuttle.boarded} times in the year, including "
             "{list:shuttle.days}."}}}}},
    };
    return kOutline;
}

std::vector<const Sentence*> AllSentences() {
    std::vector<const Sentence*> out;
    for (const auto& section : Outline())
        for (const auto& paragraph : section.paragraphs)
            for (const auto& sentence : paragraph.sentences) out.push_back(&sentence);
    return out;
}

// One piece of a template: words, or a placeholder (its name between the braces).
struct Piece {
    bool placeholder = false;
    std::string text;
};

// Splits a template at its placeholders; nullopt if a brace is unmatched or a placeholder empty.
std::optional<std::vector<Piece>> Parse(std::string_view t) {
    std::vector<Piece> out;
    size_t at = 0;
    while (at < t.size()) {
        const size_t open = t.find_first_of("{}", at);
        if (open == std::string_view::npos) {
            out.push_back({false, std::string(t.substr(at))});
            break;
        }
        if (t[open] == '}') return std::nullopt;
        if (open > at) out.push_back({false, std::string(t.substr(at, open - at))});
        const size_t close = t.find_first_of("{}", open + 1);
        if (close == std::string_view::npos || t[close] == '{' || close == open + 1) return std::nullopt;
        out.push_back({true, std::string(t.substr(open + 1, close - open - 1))});
        at = close + 1;
    }
    return out;
}

std::multiset<std::string> PlaceholdersOf(const std::vector<Piece>& pieces) {
    std::multiset<std::string> out;
    for (const auto& p : pieces)
        if (p.placeholder) out.insert(p.text);
    return out;
}

// A whole number with thousands separators ("433,100").
std::string Grouped(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

// At most `decimals` decimals, trailing zeros dropped ("43.31", "10", "88.9").
std::string Decimal(double v, int decimals) {
    std::string s = std::to_string(std::round(v * std::pow(10, decimals)) / std::pow(10, decimals));
    s = s.substr(0, s.find('.') + 1 + static_cast<size_t>(decimals));
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

// A figure as a report prints it: money (kept in fen) in 万元 or yuan, shares as percentages,
// other figures whole (rounded down, so "超过…" stays true) with their unit.
std::string FigureText(const Indicator& ind, double value, bool en) {
    if (ind.unit_en == "fen") {
        const double yuan = value / 100.0;
        if (en) return Grouped(static_cast<int64_t>(std::llround(yuan))) + " yuan";
        return yuan >= 10000 ? Decimal(yuan / 10000.0, 2) + "万元" : Decimal(yuan, 2) + "元";
    }
    if (ind.aggregate == "share") return Decimal(value * 100.0, 1) + "%";
    const auto whole = static_cast<int64_t>(std::floor(value + 1e-9));
    if (en) return Grouped(whole) + " " + ind.unit_en;
    return std::to_string(whole) + ind.unit_zh;
}

namespace {

struct ListItem {
    std::string text;
    std::string link;
};

// The year's highlights a sentence may name, each behind the permission of the records it reads.
struct ListSource {
    const char* name;
    const char* permission;
    std::function<std::vector<ListItem>(db::Connection&, const Registry&, const KpiScope&, bool en)> items;
};

std::vector<db::Value> YearParams(const KpiScope& s) { return {s.place_id, s.year_start(), s.year_end()}; }

std::string Quoted(const std::string& name, bool en) { return en ? "\"" + name + "\"" : "“" + name + "”"; }

// Names from the first records of an indicator (so a list names only what its figure counts).
std::vector<ListItem> FirstRecords(db::Connection& c, const Registry& registry, const KpiScope& s, const char* id,
                                   int64_t n, bool en) {
    std::vector<ListItem> out;
    const Indicator* ind = registry.Find(id);
    if (ind == nullptr) return out;
    for (const auto& item : RecordsOf(c, *ind, s, n, 0).items) {
        const auto& o = item.as_object();
        out.push_back({Quoted(std::string(o.at("name").as_string()), en),
                       o.contains("link") ? std::string(o.at("link").as_string()) : ""});
    }
    return out;
}

std::string MonthDay(const std::string& date, bool en) {
    const int month = std::stoi(date.substr(5, 2));
    const int day = std::stoi(date.substr(8, 2));
    return en ? date : std::to_string(month) + "月" + std::to_string(day) + "日";
}

const std::vector<ListSource>& Lists() {
    static const std::vector<ListSource> kLists = {
        {"culture.top_events", "culture.read",
         [](db::Connection& c, const Registry&, const KpiScope& s, bool en) {
             std::vector<ListItem> out;
             for (const auto& r :
                  c.Run("SELECT o.id, o.title, o.audience FROM culture_events o WHERE o." + s.place_column +
                            " = ? AND o.held_on >= ? AND o.held_on <= ? AND o.audience > 0 ORDER BY "
                            "o.audience DESC, o.held_on, o.id LIMIT 3",
                        YearParams(s)))
                 out.push_back({Quoted(r.Str("title"), en) + (en ? " (" + Grouped(r.Int("audience")) + " people)"
                                                                 : "（" + std::to_string(r.Int("audience")) + "人）"),
                                "/culture/events/" + std::to_string(r.Int("id"))});
             return out;
         }},
        {"charity.projects", "charity.read",
         [](db::Connection& c, const Registry&, const KpiScope& s, bool en) {
             std::vector<ListItem> out;
             for (const auto& r : c.Run("SELECT p.id, p.name FROM charity_projects p WHERE p." + s.place_column +
                                            " = ? AND (p.ends_on IS NULL OR p.ends_on >= ?) AND p.starts_on <= ? "
                                            "ORDER BY p.starts_on, p.id LIMIT 3",
                                        YearParams(s)))
                 out.push_back({Quoted(r.Str("name"), en), "/charity"});
             return out;
         }},
        {"jobs.brands", "jobs.read",
         [](db::Connection& c, const Registry&, const KpiScope& s, bool en) {
             std::vector<ListItem> out;
             for (const auto& r :
                  c.Run("SELECT b.brand, min(b.id) AS id FROM job_businesses b WHERE b." + s.place_column +
                            " = ? AND b.brand <> '' AND b.registered_on >= ? AND b.registered_on <= "
                            "? GROUP BY b.brand ORDER BY min(b.id) LIMIT 5",
                        YearParams(s)))
                 out.push_back({Quoted(r.Str("brand"), en), "/jobs"});
             return out;
         }},
        {"jobs.certificate_kinds", "jobs.read",
         [](db::Connection& c, const Registry&, const KpiScope& s, bool) {
             std::vector<ListItem> out;
             for (const auto& r : c.Run("SELECT o.kind FROM job_certificates o WHERE o." + s.place_column +
                                            " = ? AND o.verified_at IS NOT NULL AND o.issued_on >= ? AND o.issued_on "
                                            "<= ? GROUP BY o.kind ORDER BY count(*) DESC, o.kind LIMIT 3",
                                        YearParams(s)))
                 out.push_back({r.Str("kind"), "/jobs"});
             return out;
         }},
        {"linkage.partners", "linkage.read",
         [](db::Connection& c, const Registry& registry, const KpiScope& s, bool en) {
             return FirstRecords(c, registry, s, "linkage.partners", 2, en);
         }},
        {"linkage.projects", "linkage.read",
         [](db::Connection& c, const Registry& registry, const KpiScope& s, bool en) {
             return FirstRecords(c, registry, s, "linkage.brand_projects", 3, en);
         }},
        {"shuttle.days", "shuttle.read",
         [](db::Connection& c, const Registry&, const KpiScope& s, bool en) {
             std::vector<ListItem> out;
             for (const auto& r :
                  c.Run("SELECT o.trip_date, sv.name, count(*) AS n FROM shuttle_reservations x JOIN shuttle_trips o "
                        "ON o.id = x.trip_id JOIN shuttle_services sv ON sv.id = o.service_id WHERE o." +
                            s.place_column +
                            " = ? AND o.trip_date >= ? AND o.trip_date <= ? AND x.status = 'boarded' GROUP BY "
                            "o.trip_date, sv.name ORDER BY o.trip_date, sv.name LIMIT 5",
                        YearParams(s)))
                 out.push_back(
                     {MonthDay(r.Str("trip_date"), en) + (en ? " " : "") + Quoted(r.Str("name"), en) +
                          (en ? " (" + Grouped(r.Int("n")) + " rides)" : "（" + std::to_string(r.Int("n")) + "人次）"),
                      "/shuttle"});
             return out;
         }},
    };
    return kLists;
}

const ListSource* FindList(std::string_view name) {
    for (const auto& l : Lists())
        if (name == l.name) return &l;
    return nullptr;
}

// Whether a placeholder names something the report can fill.
bool Known(const Registry& registry, const std::string& name) {
    if (name == "place") return true;
    if (name.rfind("list:", 0) == 0) return FindList(name.substr(5)) != nullptr;
    return registry.Find(name) != nullptr;
}

// What one request's report needs: the place, the figures and lists it has read (each once).
class Writer {
  public:
    Writer(db::Connection& conn, const Registry& registry, const Request& req, KpiScope scope, std::string place)
        : conn_(conn),
          registry_(registry),
          req_(req),
          scope_(std::move(scope)),
          place_(std::move(place)),
          en_(req.lang == "en") {}

    // The sentence's parts, or nullopt when it is left out (a zero or missing figure, an empty or
    // hidden list).
    std::optional<json::array> Fill(const std::vector<Piece>& pieces, std::string& text) {
        json::array parts;
        for (const auto& piece : pieces) {
            if (!piece.placeholder) {
                parts.push_back(json::object{{"text", piece.text}});
                text += piece.text;
            } else if (piece.text == "place") {
                parts.push_back(json::object{{"text", place_}, {"place", true}});
                text += place_;
            } else if (piece.text.rfind("list:", 0) == 0) {
                const auto* items = ListOf(piece.text.substr(5));
                if (items == nullptr || items->empty()) return std::nullopt;
                json::array out;
                std::string joined;
                for (const auto& item : *items) {
                    joined += (joined.empty() ? "" : en_ ? ", " : "、") + item.text;
                    out.push_back(json::object{{"text", item.text}, {"link", item.link}});
                }
                parts.push_back(
                    json::object{{"text", joined}, {"list", piece.text.substr(5)}, {"items", std::move(out)}});
                text += joined;
            } else {
                const auto* figure = FigureOf(piece.text);
                if (figure == nullptr || figure->value == 0) return std::nullopt;
                parts.push_back(json::object{{"text", figure->text}, {"figure", piece.text}});
                text += figure->text;
            }
        }
        return parts;
    }

    json::object Figures() const {
        json::object out;
        for (const auto& [id, f] : figures_) {
            if (!f) continue;
            const Indicator& ind = *registry_.Find(id);
            out[id] = {{"label", en_ ? ind.label_en : ind.label_zh},
                       {"definition", en_ ? ind.definition_en : ind.definition_zh},
                       {"unit", en_ ? ind.unit_en : ind.unit_zh},
                       {"value", NumberOf(f->value)},
                       {"text", f->text},
                       {"records_allowed", req_.User().Can(ind.records_permission)}};
        }
        return out;
    }

  private:
    struct Figure {
        double value;
        std::string text;
    };

    const Figure* FigureOf(const std::string& id) {
        auto it = figures_.find(id);
        if (it == figures_.end()) {
            std::optional<Figure> f;
            const Indicator* ind = registry_.Find(id);
            if (ind != nullptr && req_.User().Can(ind->permission)) {
                double v = ValueOf(conn_, *ind, scope_);
                // A share of nothing (no records at all) is no figure to report, whatever it reads.
                if (ind->aggregate == "share" && RecordsOf(conn_, *ind, scope_, 0, 0).total == 0) v = 0;
                f = Figure{v, FigureText(*ind, v, en_)};
            }
            it = figures_.emplace(id, std::move(f)).first;
        }
        return it->second ? &*it->second : nullptr;
    }

    const std::vector<ListItem>* ListOf(const std::string& name) {
        auto it = lists_.find(name);
        if (it == lists_.end()) {
            std::optional<std::vector<ListItem>> items;
            const ListSource* source = FindList(name);
            if (source != nullptr && req_.User().Can(source->permission))
                items = source->items(conn_, registry_, scope_, en_);
            it = lists_.emplace(name, std::move(items)).first;
        }
        return it->second ? &*it->second : nullptr;
    }

    db::Connection& conn_;
    const Registry& registry_;
    const Request& req_;
    KpiScope scope_;
    std::string place_;
    bool en_;
    std::map<std::string, std::optional<Figure>> figures_;
    std::map<std::string, std::optional<std::vector<ListItem>>> lists_;
};

std::string PlaceName(db::Connection& conn, const Request& req, const KpiScope& s) {
    auto place = places::FindPlace(conn, req.User(), s.place_id);
    return place ? place->name : "";
}

// The edited templates of a place, year and language, by sentence key.
std::map<std::string, std::string> EditsOf(db::Connection& conn, const KpiScope& s, const std::string& lang) {
    std::map<std::string, std::string> out;
    for (const auto& r : conn.Query("SELECT sentence, text FROM work_report_texts WHERE place_id = ? AND year = ? AND "
                                    "lang = ?",
                                    s.place_id, static_cast<int64_t>(s.year), lang))
        out[r.Str("sentence")] = r.Str("text");
    return out;
}

json::object Report(db::Connection& conn, const Registry& registry, const Request& req, const KpiScope& s) {
    const bool en = req.lang == "en";
    const std::string place = PlaceName(conn, req, s);
    Writer writer(conn, registry, req, s, place);
    const auto edits = EditsOf(conn, s, req.lang);
    std::string title = en ? place + ": work report on ethnic unity, " + std::to_string(s.year)
                           : place + std::to_string(s.year) + "年民族团结进步工作总结";
    std::string whole = title + "\n";
    json::array sections;
    for (const auto& section : Outline()) {
        json::array paragraphs;
        std::string section_text;
        for (const auto& paragraph : section.paragraphs) {
            const std::string lead = en ? paragraph.lead_en : paragraph.lead_zh;
            json::array sentences;
            std::string paragraph_text;
            for (const auto& sentence : paragraph.sentences) {
                const std::string fallback = en ? sentence.en : sentence.zh;
                auto edit = edits.find(sentence.key);
                const std::string tmpl = edit == edits.end() ? fallback : edit->second;
                std::string text;
                auto parts = writer.Fill(Parse(tmpl).value_or(std::vector<Piece>{}), text);
                if (parts) paragraph_text += (paragraph_text.empty() || !en ? "" : " ") + text;
                sentences.push_back({{"key", sentence.key},
                                     {"template", tmpl},
                                     {"default_template", fallback},
                                     {"edited", edit != edits.end()},
                                     {"omitted", !parts},
                                     {"text", parts ? json::value(text) : json::value(nullptr)},
                                     {"parts", parts ? json::value(std::move(*parts)) : json::value(json::array())}});
            }
            const bool omitted = paragraph_text.empty();
            if (!omitted) section_text.append(lead).append(paragraph_text).append("\n");
            paragraphs.push_back(
                {{"key", paragraph.key}, {"lead", lead}, {"omitted", omitted}, {"sentences", std::move(sentences)}});
        }
        const std::string section_title = en ? section.title_en : section.title_zh;
        if (!section_text.empty()) whole.append("\n").append(section_title).append("\n").append(section_text);
        sections.push_back({{"key", section.key},
                            {"title", section_title},
                            {"omitted", section_text.empty()},
                            {"paragraphs", std::move(paragraphs)}});
    }
    return {{"place", place},
            {"place_id", s.place_id},
            {"scope", s.place_column == "street_id" ? "street" : "community"},
            {"year", s.year},
            {"as_of", s.year_end()},
            {"lang", req.lang},
            {"title", title},
            {"editable", req.User().Can("reports.write")},
            {"sections", std::move(sections)},
            {"figures", writer.Figures()},
            {"text", whole}};
}

const Sentence& SentenceOf(const Request& req) {
    const std::string& key = req.params.at("key");
    for (const Sentence* s : AllSentences())
        if (key == s->key) return *s;
    throw AppError(ErrorCode::kNotFound, "not_found");
}

}  // namespace

std::vector<std::string> WorkReportProblems(const Registry& registry) {
    std::vector<std::string> out;
    for (const Sentence* s : AllSentences())
        for (const char* t : {s->zh, s->en}) {
            auto pieces = Parse(t);
            if (!pieces) {
                out.push_back(std::string(s->key) + " is malformed");
                continue;
            }
            for (const auto& name : PlaceholdersOf(*pieces))
                if (!Known(registry, name)) out.push_back(std::string(s->key) + " names " + name);
        }
    return out;
}

void RegisterWorkReport(http::Router& r, Context& ctx, const Registry& registry) {
    r.Add("GET", "/api/v1/reports/work-report", Access::Need("reports.read"),
          "The year's work report of a community or street, written from its indicators (?community=|?street=, "
          "?year=)",
          [&ctx, &registry](Request& req) {
              db::Connection& conn = ctx.db.Local();
              KpiScope s = ScopeOf(conn, req);
              return http::JsonResponse(Report(conn, registry, req, s));
          });
    r.Add(
        "PUT", "/api/v1/reports/work-report/sentences/{key}", Access::Need("reports.write"),
        "Rewrites the words of one sentence for a place and year; its placeholders stay as they were",
        [&ctx, &registry](Request& req) {
            const Sentence& sentence = SentenceOf(req);
            http::JsonBody body(req);
            auto text = body.Str("text", true, kMaxSentenceChars);
            body.Finish();
            const std::string fallback = req.lang == "en" ? sentence.en : sentence.zh;
            auto pieces = Parse(*text);
            if (!pieces || PlaceholdersOf(*pieces) != PlaceholdersOf(*Parse(fallback)))
                throw AppError::Field("text", "placeholders_changed");
            db::Connection& conn = ctx.db.Local();
            db::Transaction tx(conn, db::Transaction::Mode::kWrite);
            KpiScope s = ScopeOf(conn, req);
            const auto edits = EditsOf(conn, s, req.lang);
            auto before = edits.find(sentence.key);
            const std::string previous = before == edits.end() ? fallback : before->second;
            conn.Exec("DELETE FROM work_report_texts WHERE place_id = ? AND year = ? AND lang = ? AND sentence = ?",
                      s.place_id, static_cast<int64_t>(s.year), req.lang, std::string(sentence.key));
            conn.Exec(
                "INSERT INTO work_report_texts (place_id, year, lang, sentence, text, updated_by, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                s.place_id, static_cast<int64_t>(s.year), req.lang, std::string(sentence.key), *text,
                req.User().user_id, time::NowUnix());
            audit::Append(
                conn, ActorOf(req),
                {"reports.work_report.edited",
                 "work_report",
                 std::to_string(s.place_id) + ":" + std::to_string(s.year),
                 true,
                 {{"sentence", sentence.key}, {"lang", req.lang}, {"text", {{"before", previous}, {"after", *text}}}}});
            tx.Commit();
            return http::Ok();
        });
    r.Add("DELETE", "/api/v1/reports/work-report/sentences/{key}", Access::Need("reports.write"),
          "Puts one sentence back to the report's own words for a place and year", [&ctx](Request& req) {
              const Sentence& sentence = SentenceOf(req);
              db::Connection& conn = ctx.db.Local();
              db::Transaction tx(conn, db::Transaction::Mode::kWrite);
              KpiScope s = ScopeOf(conn, req);
              const auto edits = EditsOf(conn, s, req.lang);
              auto before = edits.find(sentence.key);
              if (before == edits.end()) return http::Ok();
              conn.Exec("DELETE FROM work_report_texts WHERE place_id = ? AND year = ? AND lang = ? AND sentence = ?",
                        s.place_id, static_cast<int64_t>(s.year), req.lang, std::string(sentence.key));
              audit::Append(conn, ActorOf(req),
                            {"reports.work_report.reverted",
                             "work_report",
                             std::to_string(s.place_id) + ":" + std::to_string(s.year),
                             true,
                             {{"sentence", sentence.key}, {"lang", req.lang}, {"text", {{"before", before->second}}}}});
              tx.Commit();
              return http::Ok();
          });
}

}  // namespace tongxin::reports
