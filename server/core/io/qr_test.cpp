#include "core/io/qr.hpp"

#include <gtest/gtest.h>

namespace tongxin::io {

TEST(Qr, SvgHasQuietZoneAndFinderPattern) {
    std::string svg = QrSvg("https://tongxin.example/m/volunteer/checkin?activity=12&code=abc");
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    // Version 3 or 4 at level M for this length: 29 or 33 modules plus 8 of quiet zone.
    EXPECT_TRUE(svg.find("viewBox=\"0 0 37 37\"") != std::string::npos ||
                svg.find("viewBox=\"0 0 41 41\"") != std::string::npos)
        << svg.substr(0, 120);
    // The top-left finder pattern starts at the quiet zone's edge.
    EXPECT_NE(svg.find("M4 4h1v1h-1z"), std::string::npos);
    EXPECT_EQ(svg.find("M3 3h1"), std::string::npos);
}

}  // namespace tongxin::io
