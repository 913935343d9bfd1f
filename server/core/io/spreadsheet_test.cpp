#include "core/io/spreadsheet.hpp"

#include <gtest/gtest.h>

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

}  // namespace tongxin::io
