#include "core/io/sheet_import.hpp"

#include <boost/json.hpp>
#include <cstdio>

#include "core/error/app_error.hpp"
#include "core/error/messages.hpp"
#include "core/text/chinese.hpp"

namespace tongxin::io {
namespace json = boost::json;

std::string NormalisedHeader(std::string_view header) {
    std::string out;
    for (const std::string& ch : text::Utf8Chars(header)) {
        if (ch == " " || ch == "\t" || ch == "*" || ch == "＊" || ch == "\u3000" || ch == "\n" || ch == "\r") continue;
        if (ch == "(")
            out += "（";
        else if (ch == ")")
            out += "）";
        else
            out += ch;
    }
    return out;
}

ImportSheet::ImportSheet(std::string_view bytes, std::vector<ImportColumn> columns) : columns_(std::move(columns)) {
    try {
        table_ = ReadSpreadsheet(bytes);
    } catch (const std::exception&) {
        throw AppError(ErrorCode::kUnprocessable, "import_unreadable");
    }
    if (table_.empty()) throw AppError(ErrorCode::kUnprocessable, "import_unreadable");
    std::map<std::string, std::string> field_of;  // normalised header -> field
    for (const auto& c : columns_)
        for (const auto& h : c.headers) field_of.emplace(NormalisedHeader(h), c.field);
    auto known = [&](const std::string& cell) { return field_of.count(NormalisedHeader(cell)) > 0; };
    header_row_ = FindHeaderRow(table_, known, std::min<size_t>(2, columns_.size())).value_or(0);
    const auto& header = table_[header_row_];
    for (size_t c = 0; c < header.size(); ++c) {
        auto it = field_of.find(NormalisedHeader(header[c]));
        if (it != field_of.end()) index_.emplace(it->second, c);
    }
    for (const auto& c : columns_)
        if (c.required && !index_.count(c.field))
            missing_.push_back({static_cast<int>(header_row_ + 1), c.headers.front(), "missing_column"});
}

bool ImportSheet::Blank(const std::vector<std::string>& row) {
    for (const auto& c : row)
        if (!c.empty()) return false;
    return true;
}

int ImportSheet::rows() const {
    int n = 0;
    EachRow([&](int, const std::vector<std::string>&) { ++n; });
    return n;
}

std::string ImportSheet::Cell(const std::vector<std::string>& row, std::string_view field) const {
    auto it = index_.find(std::string(field));
    return it == index_.end() || it->second >= row.size() ? std::string() : row[it->second];
}

std::string ImportSheet::DateCell(const std::vector<std::string>& row, std::string_view field) const {
    std::string v = Cell(row, field);
    if (v.empty()) return v;
    if (auto d = ExcelSerialToDate(v)) return *d;
    // 2021/3/5, 2021.3.5, 2021-3-5, 2021年3月5日 -> 2021-03-05
    int y = 0, m = 0, d = 0;
    std::string s;
    for (const std::string& ch : text::Utf8Chars(v))
        s += (ch == "/" || ch == "." || ch == "年" || ch == "月") ? "-" : (ch == "日" ? "" : ch);
    char tail = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return v;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string ImportSheet::FirstHeader() const {
    return columns_.empty() ? std::string() : Header(columns_.front().field);
}

std::string ImportSheet::Header(std::string_view field) const {
    for (const auto& c : columns_) {
        if (c.field != field) continue;
        auto it = index_.find(c.field);
        if (it != index_.end() && it->second < table_[header_row_].size()) return table_[header_row_][it->second];
        return c.headers.front();
    }
    return std::string(field);
}

std::string ImportTemplate(const std::string& sheet_name, const std::vector<ImportColumn>& columns,
                           const Table& examples) {
    std::vector<std::string> header;
    header.reserve(columns.size());
    for (const auto& c : columns) header.push_back(c.required ? c.headers.front() + "*" : c.headers.front());
    return WriteXlsx(sheet_name, header, examples);
}

json::array IssuesJson(const std::vector<ImportIssue>& issues, std::string_view lang) {
    json::array out;
    for (const auto& e : issues)
        out.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code}, {"reason", Message(e.code, lang)}});
    return out;
}

json::object ReportJson(const ImportReport& report, std::string_view lang) {
    return {{"rows", report.rows},
            {"valid", report.valid},
            {"imported", report.imported},
            {"errors", IssuesJson(report.errors, lang)},
            {"preview", report.preview}};
}

void AddIssues(const ImportSheet& sheet, int row_no, const AppError& e, std::vector<ImportIssue>& issues) {
    if (const auto* fields = e.details().if_contains("fields"); fields && fields->is_object()) {
        for (const auto& [field, reason] : fields->as_object()) {
            std::string code = reason.is_string() ? std::string(reason.as_string()) : e.key();
            issues.push_back({row_no, sheet.Header(std::string_view(field.data(), field.size())), code});
        }
        if (!fields->as_object().empty()) return;
    }
    issues.push_back({row_no, sheet.FirstHeader(), e.key()});
}

void ThrowImportErrors(const std::vector<ImportIssue>& issues, int rows) {
    json::array errs;
    for (const auto& e : issues) errs.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code}});
    throw AppError(ErrorCode::kUnprocessable, "import_has_errors", {{"errors", errs}, {"rows", rows}});
}

}  // namespace tongxin::io
