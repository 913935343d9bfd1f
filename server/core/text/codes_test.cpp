#include "core/text/codes.hpp"

#include <gtest/gtest.h>

#include "core/text/chinese.hpp"

namespace tongxin::text {

TEST(IdCard, AcceptsValidCheckDigitAndRejectsAnyOther) {
    std::string first17 = "11010519491231002";
    char check = IdCardCheckChar(first17);
    EXPECT_EQ(check, 'X');
    auto info = ParseIdCard(first17 + check);
    ASSERT_TRUE(info.has_value());
    EXPECT_EQ(info->birth_date, "1949-12-31");
    EXPECT_EQ(info->gender, 'F');
    for (char other : std::string("0123456789")) EXPECT_FALSE(ParseIdCard(first17 + other).has_value());
}

TEST(IdCard, RejectsImpossibleDatesAndShapes) {
    std::string bad_date = "51010419900230123";
    EXPECT_FALSE(ParseIdCard(bad_date + IdCardCheckChar(bad_date)).has_value());
    EXPECT_FALSE(ParseIdCard("12345").has_value());
    EXPECT_FALSE(ParseIdCard("5101041990010112a4").has_value());
}

TEST(Ethnicity, HasAll56GroupsPlusOtherAndForeignBorn) {
    EXPECT_EQ(Ethnicities().size(), 58u);
    EXPECT_EQ(FindCode(Ethnicities(), "藏族")->code, "04");
    EXPECT_EQ(FindCode(Ethnicities(), "藏")->code, "04");
    EXPECT_TRUE(IsMinority("04"));
    EXPECT_FALSE(IsMinority("01"));
    EXPECT_FALSE(IsMinority("97"));
}

TEST(Pinyin, SurnamesReadAsSurnames) {
    EXPECT_EQ(PinyinOfName("张三丰").full, "zhangsanfeng");
    EXPECT_EQ(PinyinOfName("张三丰").initials, "zsf");
    EXPECT_EQ(PinyinOfName("曾小贤").full.substr(0, 4), "zeng");
    EXPECT_EQ(PinyinOfName("单田芳").full.substr(0, 4), "shan");
    EXPECT_EQ(PinyinOfName("阿依古丽·买买提").initials.substr(0, 2), "ay");
}

TEST(Masking, PhoneAndIdNumber) {
    EXPECT_EQ(MaskPhone("13812341234"), "138****1234");
    EXPECT_EQ(MaskName("张三"), "张*");
    EXPECT_EQ(MaskName("张三丰"), "张*丰");
    EXPECT_EQ(MaskName("欧阳小明"), "欧**明");
    EXPECT_EQ(MaskName("王"), "王");
    EXPECT_EQ(MaskIdNumber("510104199001011234"), "510**************4");
}

TEST(Masks, IdNumbersKeepFirstThreeAndTheCheckCharacterSearchTextHidesNumbers) {
    EXPECT_EQ(MaskIdNumber("510104199001011234"), "510**************4");
    EXPECT_EQ(MaskIdNumber("51010490010112X"), "510***********X");
    EXPECT_EQ(MaskPhone("13812341234"), "138****1234");
    EXPECT_EQ(MaskNumbersIn("510104199001011234"), "510**************4");
    EXPECT_EQ(MaskNumbersIn("13812341234 张三"), "138****1234 张三");
    EXPECT_EQ(MaskNumbersIn("3栋 1201"), "3栋 1201");
    EXPECT_EQ(MaskNumbersIn("5101041"), "*******");
}

}  // namespace tongxin::text

namespace tongxin::text {
namespace {

TEST(NaturalOrder, NumbersInNamesCountAsNumbers) {
    EXPECT_TRUE(NaturalLess("安公小区2栋", "安公小区10栋"));
    EXPECT_FALSE(NaturalLess("安公小区10栋", "安公小区2栋"));
    EXPECT_TRUE(NaturalLess("101", "1001"));
    EXPECT_FALSE(NaturalLess("3栋", "3栋"));
    // Otherwise Chinese order: 安 (an) before 南 (nan).
    EXPECT_TRUE(NaturalLess("安公小区9栋", "南山苑1栋"));
}

}  // namespace
}  // namespace tongxin::text
