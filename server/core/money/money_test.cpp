#include "core/money/money.hpp"

#include <gtest/gtest.h>

namespace tongxin::money {

TEST(Money, ParsesYuanToFen) {
    EXPECT_EQ(ParseYuan("1234.56").fen, 123456);
    EXPECT_EQ(ParseYuan("1,234.5").fen, 123450);
    EXPECT_EQ(ParseYuan("0.01").fen, 1);
    EXPECT_EQ(ParseYuan("100").fen, 10000);
    EXPECT_EQ(ParseYuan(".5").fen, 50);
    EXPECT_EQ(ParseYuan("2.500").fen, 250);
    EXPECT_EQ(ParseYuan("100000000").fen, kMaxFen);
}

TEST(Money, RefusesWhatIsNotAnAmountOfFen) {
    EXPECT_EQ(ParseYuan("0.001").error, ParseError::kFractionOfFen);
    EXPECT_FALSE(ParseYuan("0.001").fen);
    EXPECT_EQ(ParseYuan("-5").error, ParseError::kNegative);
    EXPECT_EQ(ParseYuan("100000000.01").error, ParseError::kTooLarge);
    EXPECT_EQ(ParseYuan("99999999999999").error, ParseError::kTooLarge);
    for (const char* bad : {"", "abc", "1.2.3", "1.", "1e5", "¥5"}) {
        EXPECT_FALSE(ParseYuan(bad).fen) << bad;
        EXPECT_EQ(ParseYuan(bad).error, ParseError::kMalformed) << bad;
    }
}

TEST(Money, FormatsFenAsYuan) {
    EXPECT_EQ(FormatYuan(123456), "1,234.56");
    EXPECT_EQ(FormatYuan(5), "0.05");
    EXPECT_EQ(FormatYuan(-100000000), "-1,000,000.00");
    EXPECT_EQ(FormatYuan(0), "0.00");
}

}  // namespace tongxin::money
