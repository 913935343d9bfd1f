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

// Converts an Excel date serial ("32874" or "32874.0") to YYYY-MM-DD.
std::optional<std::string> ExcelSerialToDate(std::string_view serial);

// Writes one sheet with a bold, frozen header row; returns the .xlsx bytes.
std::string WriteXlsx(const std::string& sheet_name, const std::vector<std::string>& header, const Table& rows);

}  // namespace tongxin::io
