#pragma once
// A spreadsheet as community workers bring it to an import: the header row found below any title
// rows (merged title cells hold their text in the first cell only), columns matched by the
// headers people write for them, blank rows skipped, and every row known by the number Excel
// shows. Each module's import declares its columns and reads cells by field.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.hpp"
#include "core/error/app_error.hpp"
#include "core/io/spreadsheet.hpp"

namespace tongxin::io {

// A problem with one cell: the row number as Excel shows it, the column's header as written in
// the file, and the reason key (core/error/messages).
struct ImportIssue {
    int row = 0;
    std::string column;
    std::string code;
};

// A column an import reads. `headers`: what people write for it; the first is the template's.
struct ImportColumn {
    std::string field;
    std::vector<std::string> headers;
    bool required = false;
};

class ImportSheet {
  public:
    // Throws AppError 422 `import_unreadable` when the bytes are not a workbook or CSV.
    ImportSheet(std::string_view bytes, std::vector<ImportColumn> columns);

    // One `missing_column` issue per required column the header row lacks (empty when all are
    // there). The header row is the first of the first 10 with at least two known headers.
    const std::vector<ImportIssue>& missing() const { return missing_; }
    // Calls fn(row_number, cells) for every non-blank row below the header.
    template <typename Fn>
    void EachRow(Fn&& fn) const {
        for (size_t r = header_row_ + 1; r < table_.size(); ++r) {
            if (Blank(table_[r])) continue;
            fn(static_cast<int>(r + 1), table_[r]);
        }
    }
    int rows() const;  // non-blank rows below the header
    std::string Cell(const std::vector<std::string>& row, std::string_view field) const;
    // A date cell as YYYY-MM-DD: Excel serials, 2021/3/5, 2021.3.5 and 2021年3月5日 are accepted;
    // anything else comes back as written (the service's validation names it).
    std::string DateCell(const std::vector<std::string>& row, std::string_view field) const;
    // The column's header as the file writes it, else the template's.
    std::string Header(std::string_view field) const;
    std::string FirstHeader() const;

  private:
    static bool Blank(const std::vector<std::string>& row);
    Table table_;
    std::vector<ImportColumn> columns_;
    size_t header_row_ = 0;
    std::map<std::string, size_t> index_;  // field -> column
    std::vector<ImportIssue> missing_;
};

// The header people write, compared without spaces, "*" marks and with ASCII parentheses as
// full-width ones: "金额(元)*" matches "金额（元）".
std::string NormalisedHeader(std::string_view header);

// A template to fill in: the header row (required columns marked *) and example rows.
std::string ImportTemplate(const std::string& sheet_name, const std::vector<ImportColumn>& columns,
                           const Table& examples);

// What an import found: rows read, rows that would be (or were) written, the problems, and the
// first rows as they will be stored.
struct ImportReport {
    int rows = 0, valid = 0, imported = 0;
    std::vector<ImportIssue> errors;
    boost::json::array preview;
};
boost::json::object ReportJson(const ImportReport& report, std::string_view lang);

// Throws 422 `import_has_errors` with the issues and the number of rows read.
[[noreturn]] void ThrowImportErrors(const std::vector<ImportIssue>& issues, int rows);

// An AppError from one row's write as issues on that row: one per field of details.fields,
// named by its column's header; any other error on the row's first column.
void AddIssues(const ImportSheet& sheet, int row_no, const AppError& e, std::vector<ImportIssue>& issues);

// Every import's shape after the header: each row's write — the module's own service call,
// with its checks, audit entry and nested transaction (a savepoint) — runs inside one write
// transaction for the file. `row_fn(row_no, cells, issues)` writes one row and returns what the
// preview shows of it, or adds issues (or throws an AppError) to refuse it. A dry run rolls
// everything back, so what it reports is exactly what a commit would do; a commit with any
// issue throws 422 `import_has_errors` and writes nothing.
template <typename RowFn>
ImportReport RunImport(db::Connection& conn, const ImportSheet& sheet, bool commit, RowFn&& row_fn) {
    ImportReport report;
    report.rows = sheet.rows();
    report.errors = sheet.missing();
    if (report.errors.empty()) {
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        sheet.EachRow([&](int row_no, const std::vector<std::string>& cells) {
            std::vector<ImportIssue> issues;
            std::optional<boost::json::object> shown;
            try {
                shown = row_fn(row_no, cells, issues);
            } catch (const AppError& e) {
                AddIssues(sheet, row_no, e, issues);
            }
            if (!issues.empty()) {
                report.errors.insert(report.errors.end(), issues.begin(), issues.end());
                return;
            }
            ++report.valid;
            if (shown && report.preview.size() < 20) report.preview.emplace_back(std::move(*shown));
        });
        if (commit && report.errors.empty() && report.valid > 0) {
            tx.Commit();
            report.imported = report.valid;
            return report;
        }
    }
    if (commit) ThrowImportErrors(report.errors, report.rows);
    return report;
}

// {"row","column","code","reason"} objects, the reason in the person's language.
boost::json::array IssuesJson(const std::vector<ImportIssue>& issues, std::string_view lang);

}  // namespace tongxin::io
