#include "core/io/spreadsheet.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>

#include "core/text/chinese.hpp"

namespace tongxin::io {

TEST(Csv, QuotesCommasNewlinesAndBom) {
    auto t = ReadCsv("\xEF\xBB\xBF姓名,备注\r\n张三,\"一,二\"\r\n李四,\"说\"\"好\"\"\nok\"\n");
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t[0][0], "姓名");
    EXPECT_EQ(t[1][1], "一,二");
    EXPECT_EQ(t[2][1], "说\"好\"\nok");
}

TEST(Csv, Gb18030IsConverted) {
    // "姓名,民族\n张三,汉族\n" in GB18030.
    std::string gb = "\xD0\xD5\xC3\xFB,\xC3\xF1\xD7\xE5\n\xD5\xC5\xC8\xFD,\xBA\xBA\xD7\xE5\n";
    auto t = ReadCsv(gb);
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t[0][0], "姓名");
    EXPECT_EQ(t[1][1], "汉族");
}

TEST(Xlsx, WhatWeWriteWeReadBack) {
    Table rows = {{"扎西", "藏族", ""}, {"阿依古丽·买买提", "维吾尔族", "13812341234"}};
    std::string bytes = WriteXlsx("居民", {"姓名", "民族", "电话"}, rows);
    Table back = ReadXlsx(bytes);
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back[0][1], "民族");
    EXPECT_EQ(back[2][0], "阿依古丽·买买提");
    EXPECT_EQ(back[1][2], "");
    EXPECT_EQ(back[2][2], "13812341234");
}

TEST(Xlsx, NumericColumnsAreNumbers) {
    std::string bytes = WriteXlsx("捐赠", {"金额（元）", "备注"}, {{"12.50", "=1+1"}, {"", "x"}}, {true, false});
    // A number cell has no shared-string type; a text cell that looks like a formula stays text.
    EXPECT_NE(bytes.size(), 0u);
    Table back = ReadXlsx(bytes);
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back[1][0], "12.5");
    EXPECT_EQ(back[1][1], "=1+1");
}

TEST(Spreadsheet, HeaderRowAfterATitle) {
    Table t = {
        {"安公社区居民信息登记表（2021年）", "", ""}, {"", "", ""}, {"序号", "姓名", "民族"}, {"1", "扎西", "藏族"}};
    auto known = [](const std::string& c) { return c == "姓名" || c == "民族"; };
    EXPECT_EQ(FindHeaderRow(t, known, 2), 2u);
    EXPECT_EQ(FindHeaderRow(t, known, 3), std::nullopt);
    EXPECT_EQ(FindHeaderRow(t, known, 2, 2), std::nullopt);
}

TEST(Xlsx, GarbageIsAnError) {
    EXPECT_THROW(ReadXlsx(std::string("PK\x03\x04") + std::string(100, 'x')), std::runtime_error);
    EXPECT_THROW(ReadXlsx("not a zip"), std::runtime_error);
}

TEST(Xlsx, ExcelDateSerials) {
    EXPECT_EQ(ExcelSerialToDate("32874"), "1990-01-01");
    EXPECT_EQ(ExcelSerialToDate("44239.0"), "2021-02-12");
    EXPECT_EQ(ExcelSerialToDate("abc"), std::nullopt);
}

namespace {
// The text of one part of a workbook (".xlsx" is a zip of XML parts).
std::string PartOf(const std::string& xlsx, const char* name) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!z) return "";
    std::string out;
    if (zip_file_t* f = zip_fopen(z, name, 0)) {
        char buf[4096];
        zip_int64_t n = 0;
        while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
        zip_fclose(f);
    }
    zip_close(z);
    return out;
}
}  // namespace

TEST(Workbook, ASheetPerPartWithHeadingBlocksAndPrintSetup) {
    std::vector<Sheet> sheets = {
        {"党员线",
         "安公社区 2021年 台账 · 党员线",
         {{"少数民族党员 26人", "规则：年末为党员的少数民族居民", {"姓名", "民族"}, {false, false}, {{"扎西", "藏族"}}},
          {"民族工作党小组 4个", "", {"名称", "成员数"}, {false, true}, {{"第一党小组", "7"}, {"第二党小组", "5"}}}}},
        {"基金", "安公社区 2021年 台账 · 基金", {{"募集 43.31万元", "", {"日期", "金额（元）"}, {false, true}, {}}}}};
    std::string bytes = WriteWorkbook(sheets, "第 &P 页，共 &N 页");
    Table first = ReadXlsx(bytes);
    ASSERT_GE(first.size(), 7u);
    EXPECT_EQ(first[0][0], "安公社区 2021年 台账 · 党员线");
    std::vector<std::string> column_a;
    for (const auto& row : first) column_a.push_back(row.empty() ? "" : row[0]);
    auto at = [&column_a](const std::string& text) {
        return std::find(column_a.begin(), column_a.end(), text) - column_a.begin();
    };
    // Title, note, header, rows, in that order, one block after the other.
    EXPECT_LT(at("少数民族党员 26人"), at("规则：年末为党员的少数民族居民"));
    EXPECT_EQ(at("姓名") + 1, at("扎西"));
    EXPECT_LT(at("扎西"), at("民族工作党小组 4个"));
    EXPECT_EQ(at("名称") + 2, at("第二党小组"));
    EXPECT_EQ(first[static_cast<size_t>(at("第二党小组"))][1], "5");

    std::string sheet1 = PartOf(bytes, "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet1.find("<mergeCell ref=\"A1:B1\""), std::string::npos);   // heading across
    EXPECT_NE(sheet1.find("ySplit=\"1\""), std::string::npos);               // frozen heading
    EXPECT_NE(sheet1.find("orientation=\"landscape\""), std::string::npos);  // A4 landscape
    EXPECT_NE(sheet1.find("paperSize=\"9\""), std::string::npos);
    EXPECT_NE(sheet1.find("fitToHeight=\"0\""), std::string::npos);           // one page wide
    EXPECT_NE(sheet1.find("第 &amp;P 页，共 &amp;N 页"), std::string::npos);  // numbered pages
    // The name column is at least as wide as its widest text (two units a Chinese character).
    EXPECT_NE(sheet1.find("<col min=\"1\" max=\"1\""), std::string::npos);
    EXPECT_FALSE(PartOf(bytes, "xl/worksheets/sheet2.xml").empty());
    EXPECT_NE(PartOf(bytes, "xl/sharedStrings.xml").find("募集 43.31万元"), std::string::npos);
    EXPECT_NE(PartOf(bytes, "xl/workbook.xml").find("Print_Titles"), std::string::npos);  // heading on every page
    EXPECT_EQ(DisplayWidth("扎西 ab"), 7);
}

}  // namespace tongxin::io
