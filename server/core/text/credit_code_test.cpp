#include "core/text/credit_code.hpp"

#include <gtest/gtest.h>

namespace tongxin::text {

TEST(CreditCode, AcceptsPublishedCodesAndNormalisesThem) {
    // Codes printed on business licences (check characters as issued).
    EXPECT_EQ(NormalizeCreditCode("91350100M000100Y43"), "91350100M000100Y43");
    EXPECT_EQ(NormalizeCreditCode("91110000600037341L"), "91110000600037341L");
    EXPECT_EQ(NormalizeCreditCode("9144 0300 7152 6726 xg"), "9144030071526726XG");
    EXPECT_EQ(CreditCodeCheckChar("91110000600037341"), 'L');
}

TEST(CreditCode, RefusesAWrongCheckLengthOrCharacter) {
    EXPECT_EQ(NormalizeCreditCode("91350100M000100Y44"), std::nullopt);  // check character
    EXPECT_EQ(NormalizeCreditCode("91350100M000100Y4"), std::nullopt);   // 17 characters
    EXPECT_EQ(NormalizeCreditCode("91350100M000I00Y43"), std::nullopt);  // I is not in the set
    EXPECT_EQ(NormalizeCreditCode("9135A100M000100Y43"), std::nullopt);  // the division is digits
    EXPECT_EQ(NormalizeCreditCode(""), std::nullopt);
    EXPECT_EQ(CreditCodeCheckChar("9135010OM000100Y4"), std::nullopt);  // O is not in the set
    // Every single-character change of a valid code is caught.
    const std::string good = "91110000600037341L";
    const std::string set = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (size_t i = 0; i < good.size(); ++i) {
        for (char c : set) {
            if (c == good[i]) continue;
            std::string bad = good;
            bad[i] = c;
            EXPECT_EQ(NormalizeCreditCode(bad), std::nullopt) << bad;
        }
    }
}

}  // namespace tongxin::text
