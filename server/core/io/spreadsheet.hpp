#pragma once
// Reading and writing the spreadsheets community workers exchange: .xlsx (libzip + pugixml to
// read, libxlsxwriter to write) and .csv (UTF-8, or GB18030 as Excel saves it in Chinese locales).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::io {

// Rows of cell texts; row 0 is the header. Ragged rows are padded to the header's width.
using Table = std::vector<std::vector<std::string>>;

// Throws std::runtime_error if the bytes are not a readable workbook (first sheet is read).
Table ReadXlsx(std::string_view bytes);
// RFC 4180 CSV; strips a UTF-8 BOM; converts from GB18030 when the bytes are not UTF-8.
Table ReadCsv(std::string_view bytes);
// Sniffs the format: a ZIP signature means xlsx, anything else is CSV.
Table ReadSpreadsheet(std::string_view bytes);

// Real sheets open with a title row or two (merged across the columns: only the first cell holds
// text) before the header. Returns the index of the first of the first `search_rows` rows in
// which at least `min_known` cells are headers `known` accepts, or nullopt.
template <typename KnownFn>
std::optional<size_t> FindHeaderRow(const Table& table, KnownFn&& known, size_t min_known, size_t search_rows = 10) {
    for (size_t r = 0; r < table.size() && r < search_rows; ++r) {
        size_t hits = 0;
        for (const auto& cell : table[r])
            if (!cell.empty() && known(cell)) ++hits;
        if (hits >= min_known) return r;
    }
    return std::nullopt;
}

// Converts an Excel date serial ("32874" or "32874.0") to YYYY-MM-DD.
std::optional<std::string> ExcelSerialToDate(std::string_view serial);

// Writes one sheet with a bold, frozen header row; returns the .xlsx bytes. Cells of the columns
// marked in `numeric` (by index) that read as numbers are written as numbers, so that sums and
// sorting work in Excel; every other cell is text (never a formula).
std::string WriteXlsx(const std::string& sheet_name, const std::vector<std::string>& header, const Table& rows,
                      const std::vector<bool>& numeric = {});

// A ledger (台账) as people print it: each sheet opens with its heading (the place, the year and
// what the sheet holds) merged across the columns and kept on screen and on every printed page,
// then one block per list: its title, a line of notes, a bold bordered header and the rows.
// Columns are as wide as their widest text (a Chinese character counts two), pages are A4
// landscape, one page wide, numbered in the footer.
struct SheetBlock {
    std::string title;
    std::string note;  // printed under the title ("" = none)
    std::vector<std::string> header;
    std::vector<bool> numeric;  // as in WriteXlsx
    Table rows;
};
struct Sheet {
    std::string name;  // the tab, at most 31 characters (Excel's limit)
    std::string heading;
    std::vector<SheetBlock> blocks;
};
// `footer` is the printed footer's text before the page number ("第 &P 页，共 &N 页" in Chinese).
std::string WriteWorkbook(const std::vector<Sheet>& sheets, const std::string& footer);

// Columns wide enough for `text` in Excel's character units: two for each wide (CJK) character.
double DisplayWidth(std::string_view text);

}  // namespace tongxin::io
