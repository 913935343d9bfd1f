#include "core/io/spreadsheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>

#include "core/text/chinese.hpp"

namespace tongxin::io {
namespace {

class Zip {
  public:
    explicit Zip(std::string_view bytes) {
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (!src) throw std::runtime_error("cannot read workbook");
        archive_ = zip_open_from_source(src, ZIP_RDONLY, &err);
        if (!archive_) {
            zip_source_free(src);
            throw std::runtime_error("not an xlsx workbook");
        }
    }
    ~Zip() { zip_discard(archive_); }

    // Unpacked bytes a workbook may have in all, and the compression a part larger than 64 KiB may
    // show: a zip bomb is refused before it is unpacked.
    static constexpr zip_uint64_t kMaxUnpacked = 64u << 20;
    static constexpr zip_uint64_t kMaxRatio = 100;

    std::optional<std::string> Read(const std::string& name) {
        zip_stat_t st;
        if (zip_stat(archive_, name.c_str(), 0, &st) != 0) return std::nullopt;
        if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
            throw std::runtime_error("workbook part without sizes");
        unpacked_ += st.size;
        if (st.size > kMaxUnpacked || unpacked_ > kMaxUnpacked)
            throw std::runtime_error("workbook unpacks to more than 64 MiB");
        if (st.size > (64u << 10) && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > kMaxRatio)
            throw std::runtime_error("workbook part compressed more than 100:1");
        zip_file_t* f = zip_fopen(archive_, name.c_str(), 0);
        if (!f) return std::nullopt;
        std::string out(st.size, '\0');
        zip_int64_t n = zip_fread(f, out.data(), st.size);
        zip_fclose(f);
        if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) throw std::runtime_error("corrupt workbook part");
        return out;
    }

  private:
    zip_t* archive_ = nullptr;
    zip_uint64_t unpacked_ = 0;
};

std::string AllText(const pugi::xml_node& node) {
    std::string s;
    for (auto t : node.select_nodes(".//*[local-name()='t']")) s += t.node().text().get();
    return s;
}

size_t ColumnIndex(std::string_view ref) {
    size_t col = 0;
    for (char c : ref) {
        if (c < 'A' || c > 'Z') break;
        col = col * 26 + static_cast<size_t>(c - 'A' + 1);
    }
    return col == 0 ? 0 : col - 1;
}

void DropTrailingBlankRows(Table& table) {
    while (!table.empty() &&
           std::all_of(table.back().begin(), table.back().end(), [](const std::string& c) { return c.empty(); }))
        table.pop_back();
}

void Pad(Table& t) {
    if (t.empty()) return;
    size_t width = t.front().size();
    for (auto& row : t) row.resize(std::max(width, row.size()));
}

}  // namespace

Table ReadXlsx(std::string_view bytes) {
    Zip zip(bytes);
    pugi::xml_document workbook, rels, shared, sheet;
    auto wb = zip.Read("xl/workbook.xml");
    auto rl = zip.Read("xl/_rels/workbook.xml.rels");
    if (!wb || !rl || !workbook.load_string(wb->c_str()) || !rels.load_string(rl->c_str())) {
        throw std::runtime_error("not an xlsx workbook");
    }
    auto first = workbook.select_node("//*[local-name()='sheet']").node();
    if (!first) throw std::runtime_error("workbook has no sheet");
    std::string rid;
    for (auto attr : first.attributes())
        if (std::string_view(attr.name()).ends_with(":id")) rid = attr.value();
    std::string target;
    for (auto rel : rels.select_nodes("//*[local-name()='Relationship']"))
        if (rid == rel.node().attribute("Id").value()) target = rel.node().attribute("Target").value();
    if (target.empty()) throw std::runtime_error("workbook sheet not found");
    std::string path = target.starts_with("/") ? target.substr(1) : "xl/" + target;
    auto sheet_xml = zip.Read(path);
    if (!sheet_xml || !sheet.load_string(sheet_xml->c_str())) throw std::runtime_error("sheet unreadable");

    std::vector<std::string> strings;
    if (auto ss = zip.Read("xl/sharedStrings.xml"); ss && shared.load_string(ss->c_str())) {
        for (auto si : shared.select_nodes("//*[local-name()='si']")) strings.push_back(AllText(si.node()));
    }
    Table table;
    for (auto row_sel : sheet.select_nodes("//*[local-name()='sheetData']/*[local-name()='row']")) {
        pugi::xml_node row = row_sel.node();
        size_t row_index = row.attribute("r").as_ullong(table.size() + 1);
        if (row_index == 0 || row_index > 2000000) throw std::runtime_error("bad row number");
        while (table.size() < row_index) table.emplace_back();
        auto& cells = table[row_index - 1];
        size_t next = 0;
        for (pugi::xml_node c : row.children()) {
            if (std::string_view(c.name()).find('c') == std::string_view::npos) continue;
            std::string ref = c.attribute("r").value();
            size_t col = ref.empty() ? next : ColumnIndex(ref);
            if (col > 1000) continue;
            next = col + 1;
            std::string type = c.attribute("t").value();
            std::string value;
            if (type == "inlineStr") {
                value = AllText(c);
            } else {
                pugi::xml_node v = c.select_node("*[local-name()='v']").node();
                value = v.text().get();
                if (type == "s") {
                    size_t idx = std::strtoull(value.c_str(), nullptr, 10);
                    value = idx < strings.size() ? strings[idx] : "";
                }
            }
            if (cells.size() <= col) cells.resize(col + 1);
            cells[col] = text::Trim(value);
        }
    }
    DropTrailingBlankRows(table);
    Pad(table);
    return table;
}

Table ReadCsv(std::string_view bytes) {
    std::string converted;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (!text::IsValidUtf8(bytes)) {
        converted = text::Gb18030ToUtf8(bytes);
        if (converted.empty()) throw std::runtime_error("CSV encoding not recognised");
        bytes = converted;
    }
    Table table;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    bool any = false;
    for (size_t i = 0; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (quoted) {
            if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(text::Trim(cell));
            cell.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
            row.push_back(text::Trim(cell));
            cell.clear();
            table.push_back(std::move(row));  // blank lines too: row numbers stay the ones the file has
            row.clear();
            any = false;
        } else {
            cell += c;
            any = true;
        }
    }
    if (any || !cell.empty()) {
        row.push_back(text::Trim(cell));
        table.push_back(std::move(row));
    }
    DropTrailingBlankRows(table);
    Pad(table);
    return table;
}

Table ReadSpreadsheet(std::string_view bytes) {
    if (bytes.starts_with("PK\x03\x04")) return ReadXlsx(bytes);
    return ReadCsv(bytes);
}

std::optional<std::string> ExcelSerialToDate(std::string_view serial) {
    char* end = nullptr;
    std::string s(serial);
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || v < 1 || v > 80000) return std::nullopt;
    using namespace std::chrono;
    sys_days day = sys_days{year{1899} / December / 30} + days{static_cast<int>(v)};
    year_month_day ymd{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return std::string(buf);
}

namespace {

// libxlsxwriter writes to a file: a private temporary one, read back and removed.
class WorkbookFile {
  public:
    explicit WorkbookFile(bool constant_memory) {
        char tmpl[] = "/tmp/tongxin-export-XXXXXX";
        int fd = mkstemp(tmpl);
        if (fd < 0) throw std::runtime_error("cannot create a temporary file");
        close(fd);
        path_ = std::string(tmpl) + ".xlsx";
        std::filesystem::rename(tmpl, path_);
        lxw_workbook_options options{};
        options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
        options.tmpdir = const_cast<char*>("/tmp");
        wb_ = workbook_new_opt(path_.c_str(), &options);
        if (!wb_) {
            std::filesystem::remove(path_);
            throw std::runtime_error("cannot create workbook");
        }
    }
    WorkbookFile(const WorkbookFile&) = delete;
    WorkbookFile& operator=(const WorkbookFile&) = delete;
    ~WorkbookFile() {
        if (wb_) workbook_close(wb_);
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    lxw_workbook* get() { return wb_; }
    std::string Close() {
        lxw_error err = workbook_close(wb_);
        wb_ = nullptr;
        if (err != LXW_NO_ERROR) throw std::runtime_error("cannot write workbook");
        std::ifstream in(path_, std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    }

  private:
    std::string path_;
    lxw_workbook* wb_ = nullptr;
};

// A cell of a numeric column that reads as a number is written as one; every other cell is text.
void WriteCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& cell, bool numeric,
               lxw_format* format) {
    if (numeric && !cell.empty()) {
        char* end = nullptr;
        double v = std::strtod(cell.c_str(), &end);
        if (end == cell.c_str() + cell.size() && std::isfinite(v)) {
            worksheet_write_number(ws, row, col, v, format);
            return;
        }
    }
    if (cell.empty() && !format) return;
    worksheet_write_string(ws, row, col, cell.c_str(), format);
}

}  // namespace

double DisplayWidth(std::string_view text) {
    double width = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        auto b = static_cast<unsigned char>(text[i]);
        if ((b & 0xC0) == 0x80) continue;  // continuation byte
        width += b >= 0xE0 ? 2 : 1;        // three- and four-byte characters are CJK or wider
    }
    return width;
}

std::string WriteXlsx(const std::string& sheet_name, const std::vector<std::string>& header, const Table& rows,
                      const std::vector<bool>& numeric) {
    WorkbookFile file(true);
    lxw_workbook* wb = file.get();
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    for (size_t c = 0; c < header.size(); ++c) {
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 16, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < rows[r].size(); ++c)
            WriteCell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), rows[r][c],
                      c < numeric.size() && numeric[c], nullptr);
    return file.Close();
}

std::string WriteWorkbook(const std::vector<Sheet>& sheets, const std::string& footer) {
    constexpr double kMinWidth = 6;
    constexpr double kMaxWidth = 48;
    WorkbookFile file(false);
    lxw_workbook* wb = file.get();
    lxw_format* heading = workbook_add_format(wb);
    format_set_bold(heading);
    format_set_font_size(heading, 14);
    format_set_align(heading, LXW_ALIGN_CENTER);
    format_set_align(heading, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 12);
    lxw_format* note = workbook_add_format(wb);
    format_set_italic(note);
    format_set_font_color(note, 0x555555);
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_bg_color(head, 0xE8E8E8);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format* cell = workbook_add_format(wb);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(cell);  // a text wider than its column's cap wraps instead of being cut
    const std::string footer_text = "&C" + footer;
    for (const Sheet& sheet : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
        if (!ws) throw std::runtime_error("cannot add sheet");
        size_t width_cols = 1;
        for (const auto& b : sheet.blocks) width_cols = std::max(width_cols, b.header.size());
        std::vector<double> widths(width_cols, kMinWidth);
        lxw_row_t row = 0;
        if (width_cols > 1)
            worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(width_cols - 1), sheet.heading.c_str(), heading);
        else
            worksheet_write_string(ws, 0, 0, sheet.heading.c_str(), heading);
        worksheet_set_row(ws, 0, 28, nullptr);
        row = 2;
        for (const auto& b : sheet.blocks) {
            worksheet_write_string(ws, row++, 0, b.title.c_str(), title);
            if (!b.note.empty()) worksheet_write_string(ws, row++, 0, b.note.c_str(), note);
            for (size_t c = 0; c < b.header.size(); ++c) {
                worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), b.header[c].c_str(), head);
                widths[c] = std::max(widths[c], DisplayWidth(b.header[c]) + 2);
            }
            ++row;
            for (const auto& r : b.rows) {
                for (size_t c = 0; c < b.header.size(); ++c) {
                    const std::string& text = c < r.size() ? r[c] : std::string();
                    WriteCell(ws, row, static_cast<lxw_col_t>(c), text, c < b.numeric.size() && b.numeric[c], cell);
                    widths[c] = std::max(widths[c], DisplayWidth(text) + 2);
                }
                ++row;
            }
            ++row;  // a blank line between lists
        }
        for (size_t c = 0; c < width_cols; ++c)
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 std::min(widths[c], kMaxWidth), nullptr);
        worksheet_freeze_panes(ws, 1, 0);
        worksheet_set_landscape(ws);
        worksheet_set_paper(ws, 9);  // A4
        worksheet_fit_to_pages(ws, 1, 0);
        worksheet_repeat_rows(ws, 0, 0);
        worksheet_set_footer(ws, footer_text.c_str());
        worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    }
    return file.Close();
}

}  // namespace tongxin::io
