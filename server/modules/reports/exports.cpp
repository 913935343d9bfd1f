// POST /api/v1/exports: a list as the person sees it, written as .xlsx. Every list in the
// workbench exports through here: the page sends the filtered rows with the column labels and
// the codes already turned into words in the person's language (the same texts the table
// shows), and the server writes the workbook and records the export in the audit log. The rows
// are ones the person has just read through the list's own scoped endpoint, so this adds no
// access; it adds one place that writes workbooks and one audit entry per export.
#include <boost/json.hpp>
#include <set>

#include "core/db/database.hpp"
#include "core/http/json_body.hpp"
#include "core/io/spreadsheet.hpp"
#include "core/text/chinese.hpp"
#include "modules/reports/module.hpp"

namespace tongxin::reports {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

constexpr size_t kMaxColumns = 60;
constexpr size_t kMaxRows = 50000;
constexpr size_t kMaxCellBytes = 8000;

struct ExportRequest {
    std::string list, title;
    std::vector<std::string> header;
    std::vector<bool> numeric;
    io::Table rows;
};

// `list`: which list was exported, for the audit log ("residents", "reports.ledger").
std::string ListOf(http::JsonBody& body) {
    std::string list = body.Str("list", true, 60).value_or("");
    for (char c : list)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
            body.Fail("list", "invalid");
            break;
        }
    return list;
}

// A sheet's name, or a file's: Excel refuses these characters in a sheet's name.
bool IsSheetName(const std::string& name) { return name.find_first_of("[]:*?/\\") == std::string::npos; }

// `columns` ([{label, numeric?}]) and `rows` (arrays of strings, numbers or null, one per
// column) of `body` into `header`, `numeric` and `rows`; `rows_left` is how many rows the whole
// request may still carry. Failures are reported under `field`.
void ReadTable(http::JsonBody& body, const std::string& field, std::vector<std::string>& header,
               std::vector<bool>& numeric, io::Table& out_rows, size_t& rows_left) {
    const json::value* columns = body.Raw("columns");
    if (!columns || !columns->is_array() || columns->as_array().empty() || columns->as_array().size() > kMaxColumns) {
        body.Fail(field == "rows" ? "columns" : field, columns ? "invalid" : "required");
        return;
    }
    for (const auto& c : columns->as_array()) {
        const auto* o = c.if_object();
        const auto* label = o ? o->if_contains("label") : nullptr;
        const auto* is_numeric = o ? o->if_contains("numeric") : nullptr;
        if (!label || !label->is_string() || label->as_string().empty() ||
            text::Utf8Chars(label->as_string()).size() > 100 || (is_numeric && !is_numeric->is_bool()) ||
            o->size() > 2) {
            body.Fail(field == "rows" ? "columns" : field, "invalid");
            return;
        }
        header.emplace_back(label->as_string());
        numeric.push_back(is_numeric && is_numeric->as_bool());
    }
    const json::value* rows = body.Raw("rows");
    if (!rows || !rows->is_array() || rows->as_array().size() > rows_left) {
        body.Fail(field, rows ? "too_many" : "required");
        return;
    }
    rows_left -= rows->as_array().size();
    for (const auto& row : rows->as_array()) {
        const auto* cells = row.if_array();
        if (!cells || cells->size() != header.size()) {
            body.Fail(field, "invalid");
            return;
        }
        std::vector<std::string> texts;
        texts.reserve(cells->size());
        for (const auto& cell : *cells) {
            if (cell.is_null()) {
                texts.emplace_back();
            } else if (cell.is_string() && cell.as_string().size() <= kMaxCellBytes) {
                texts.emplace_back(cell.as_string());
            } else if (cell.is_int64() || cell.is_uint64() || cell.is_double()) {
                texts.push_back(json::serialize(cell));
            } else {
                body.Fail(field, "invalid");
                return;
            }
        }
        out_rows.push_back(std::move(texts));
    }
}

ExportRequest ExportRequestOf(const Request& req) {
    http::JsonBody body(req);
    ExportRequest out;
    out.list = ListOf(body);
    out.title = body.Str("title", true, 31).value_or("");  // Excel's limit for a sheet name
    if (!IsSheetName(out.title)) body.Fail("title", "invalid");
    size_t rows_left = kMaxRows;
    ReadTable(body, "rows", out.header, out.numeric, out.rows, rows_left);
    body.Finish();
    return out;
}

constexpr size_t kMaxSheets = 30;
constexpr size_t kMaxBlocks = 60;

// Whether a nested part of the body passes its checks; the caller reports a failure under its
// own field (the part's 422 is not the answer).
bool Finished(http::JsonBody& part) {
    try {
        part.Finish();
        return true;
    } catch (const AppError&) {
        return false;
    }
}

struct WorkbookRequest {
    std::string list, title;
    std::vector<io::Sheet> sheets;
    size_t rows = 0;
};

// {list, title, sheets: [{name, heading, blocks: [{title, note?, columns, rows}]}]}. A fault
// inside a sheet is reported under `sheets` with its reason.
WorkbookRequest WorkbookRequestOf(const Request& req) {
    http::JsonBody body(req);
    WorkbookRequest out;
    out.list = ListOf(body);
    out.title = body.Str("title", true, 80).value_or("");  // the file's name
    if (!IsSheetName(out.title)) body.Fail("title", "invalid");
    const json::value* sheets = body.Raw("sheets");
    if (!sheets || !sheets->is_array() || sheets->as_array().empty() || sheets->as_array().size() > kMaxSheets) {
        body.Fail("sheets", sheets ? "invalid" : "required");
        body.Finish();
        return out;
    }
    size_t rows_left = kMaxRows;
    std::set<std::string> names;
    for (const auto& v : sheets->as_array()) {
        if (!v.is_object()) {
            body.Fail("sheets", "invalid");
            break;
        }
        http::JsonBody sb(v.as_object());
        io::Sheet sheet;
        sheet.name = sb.Str("name", true, 31).value_or("");
        if (!IsSheetName(sheet.name) || !names.insert(sheet.name).second) sb.Fail("name", "invalid");
        sheet.heading = sb.Str("heading", true, 200).value_or("");
        const json::value* blocks = sb.Raw("blocks");
        if (!blocks || !blocks->is_array() || blocks->as_array().size() > kMaxBlocks) {
            sb.Fail("blocks", "invalid");
        } else {
            for (const auto& bv : blocks->as_array()) {
                if (!bv.is_object()) {
                    sb.Fail("blocks", "invalid");
                    break;
                }
                http::JsonBody bb(bv.as_object());
                io::SheetBlock block;
                block.title = bb.Str("title", true, 200).value_or("");
                block.note = bb.Str("note", false, 1000).value_or("");
                ReadTable(bb, "rows", block.header, block.numeric, block.rows, rows_left);
                if (!Finished(bb)) {
                    sb.Fail("blocks", rows_left == 0 ? "too_many" : "invalid");
                    break;
                }
                sheet.blocks.push_back(std::move(block));
            }
        }
        if (!Finished(sb)) {
            body.Fail("sheets", "invalid");
            break;
        }
        out.sheets.push_back(std::move(sheet));
    }
    body.Finish();
    out.rows = kMaxRows - rows_left;
    return out;
}

}  // namespace

void RegisterExports(http::Router& r, Context& ctx) {
    r.Add("POST", "/api/v1/exports", Access::LoggedIn(), "A list as shown, written as .xlsx (audited)",
          [&ctx](Request& req) {
              ExportRequest e = ExportRequestOf(req);
              std::string bytes = io::WriteXlsx(e.title, e.header, e.rows, e.numeric);
              db::Connection& conn = ctx.db.Local();
              db::Transaction tx(conn, db::Transaction::Mode::kWrite);
              audit::Append(conn, ActorOf(req),
                            {"reports.list.exported",
                             "list",
                             e.list,
                             true,
                             {{"title", e.title}, {"rows", static_cast<int64_t>(e.rows.size())}}});
              tx.Commit();
              return http::Response::File(std::move(bytes),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          e.title + ".xlsx");
          })
        .body_limit = 16u << 20;
    r.Add("POST", "/api/v1/exports/workbook", Access::LoggedIn(),
          "Lists as shown, one sheet each, printed as ledgers are: headings, A4 landscape (audited)",
          [&ctx](Request& req) {
              WorkbookRequest w = WorkbookRequestOf(req);
              std::string bytes =
                  io::WriteWorkbook(w.sheets, req.lang == "en" ? "Page &P of &N" : "第 &P 页，共 &N 页");
              db::Connection& conn = ctx.db.Local();
              db::Transaction tx(conn, db::Transaction::Mode::kWrite);
              audit::Append(conn, ActorOf(req),
                            {"reports.list.exported",
                             "list",
                             w.list,
                             true,
                             {{"title", w.title},
                              {"sheets", static_cast<int64_t>(w.sheets.size())},
                              {"rows", static_cast<int64_t>(w.rows)}}});
              tx.Commit();
              return http::Response::File(std::move(bytes),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          w.title + ".xlsx");
          })
        .body_limit = 32u << 20;
}

}  // namespace tongxin::reports
