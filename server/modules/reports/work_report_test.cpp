#include <gtest/gtest.h>

#include "modules/reports/module.hpp"

namespace tongxin::reports {
namespace {

Indicator Unit(std::string unit_zh, std::string unit_en, std::string aggregate = "count") {
    Indicator ind;
    ind.unit_zh = std::move(unit_zh);
    ind.unit_en = std::move(unit_en);
    ind.aggregate = std::move(aggregate);
    return ind;
}

TEST(WorkReportFigures, MoneyInWanYuanSharesAsPercentagesCountsWhole) {
    const Indicator fen = Unit("分", "fen", "sum");
    EXPECT_EQ(FigureText(fen, 43314300, false), "43.31万元");
    EXPECT_EQ(FigureText(fen, 43314300, true), "433,143 yuan");
    EXPECT_EQ(FigureText(fen, 100000000, false), "100万元");
    EXPECT_EQ(FigureText(fen, 950050, false), "9500.5元");
    const Indicator share = Unit("比例", "share", "share");
    EXPECT_EQ(FigureText(share, 8.0 / 9.0, false), "88.9%");
    EXPECT_EQ(FigureText(share, 1.0, true), "100%");
    // Hours are rounded down, so a report's "more than" stays true.
    const Indicator hours = Unit("小时", "hours", "sum");
    EXPECT_EQ(FigureText(hours, 7020.9, false), "7020小时");
    EXPECT_EQ(FigureText(hours, 7020.9, true), "7,020 hours");
    EXPECT_EQ(FigureText(Unit("人", "people"), 26, false), "26人");
    EXPECT_EQ(FigureText(Unit("人", "people"), 1234567, true), "1,234,567 people");
}

}  // namespace
}  // namespace tongxin::reports
