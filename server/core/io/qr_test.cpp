#include "core/io/qr.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace tongxin::io {

TEST(Qr, SvgIsASymbolWithQuietZoneAndThreeFinderPatterns) {
    std::string svg = QrSvg("https://tongxin.example/m/volunteer/checkin?activity=12&code=abc");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(svg, m, std::regex("viewBox=\"0 0 (\\d+) (\\d+)\""))) << svg.substr(0, 120);
    int n = std::stoi(m[1]);
    EXPECT_EQ(m[1], m[2]);
    // A symbol of version v has 17 + 4v modules; four modules of quiet zone on each side.
    EXPECT_EQ((n - 8 - 17) % 4, 0) << n;
    EXPECT_GT(n, 8 + 21);
    auto dark = [&](int x, int y) {
        return svg.find("M" + std::to_string(x) + " " + std::to_string(y) + "h1v1h-1z") != std::string::npos;
    };
    int last = n - 4 - 7;  // first module of the right / bottom finder patterns
    EXPECT_TRUE(dark(4, 4));
    EXPECT_TRUE(dark(last, 4));
    EXPECT_TRUE(dark(4, last));
    EXPECT_FALSE(dark(4 + 7, 4));  // the light separator around a finder pattern
    EXPECT_FALSE(dark(4, 4 + 7));
    EXPECT_FALSE(dark(3, 3));  // quiet zone
}

TEST(Qr, LongerTextGivesALargerSymbol) {
    auto size = [](const std::string& text) {
        std::string svg = QrSvg(text);
        return svg.find("viewBox") == std::string::npos ? 0 : std::stoi(svg.substr(svg.find("0 0 ") + 4));
    };
    EXPECT_LT(size("short"), size(std::string(300, 'x')));
}

}  // namespace tongxin::io
