// POST /api/v1/exports: a list as the person sees it, written as .xlsx. Every list in the
// workbench exports through here: the page sends the filtered rows with the column labels and
// the codes already turned into words in the person's language (the same texts the table
// shows), and the server writes the workbook and records the export in the audit log. The rows
// are ones the person has just read through the list's own scoped endpoint, so this adds no
// access; it adds one place that writes workbooks and one audit entry per export.
#include <boost/json.hpp>

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

ExportRequest ExportRequestOf(const Request& req) {
    http::JsonBody body(req);
    ExportRequest out;
    out.list = body.Str("list", true, 60).value_or("");
    for (char c : out.list)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
            body.Fail("list", "invalid");
            break;
        }
    out.title = body.Str("title", true, 31).value_or("");  // Excel's limit for a sheet name
    for (char c : out.title)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) {
            body.Fail("title", "invalid");
            break;
        }
    const json::value* columns = body.Raw("columns");
    if (!columns || !columns->is_array() || columns->as_array().empty() || columns->as_array().size() > kMaxColumns) {
        body.Fail("columns", columns ? "invalid" : "required");
    } else {
        for (const auto& c : columns->as_array()) {
            const auto* o = c.if_object();
            const auto* label = o ? o->if_contains("label") : nullptr;
            const auto* numeric = o ? o->if_contains("numeric") : nullptr;
            if (!label || !label->is_string() || label->as_string().empty() ||
                text::Utf8Chars(label->as_string()).size() > 100 || (numeric && !numeric->is_bool()) || o->size() > 2) {
                body.Fail("columns", "invalid");
                break;
            }
            out.header.emplace_back(label->as_string());
            out.numeric.push_back(numeric && numeric->as_bool());
        }
    }
    const json::value* rows = body.Raw("rows");
    if (!rows || !rows->is_array() || rows->as_array().size() > kMaxRows) {
        body.Fail("rows", rows ? "too_many" : "required");
    } else {
        for (const auto& row : rows->as_array()) {
            const auto* cells = row.if_array();
            if (!cells || cells->size() != out.header.size()) {
                body.Fail("rows", "invalid");
                break;
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
                    body.Fail("rows", "invalid");
                    break;
                }
            }
            if (texts.size() != out.header.size()) break;
            out.rows.push_back(std::move(texts));
        }
    }
    body.Finish();
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
}

}  // namespace tongxin::reports
