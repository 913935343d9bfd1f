#include "core/util/computed_ahead.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace tongxin::util {

TEST(ComputedAhead, GivesEveryValueInOrder) {
    ComputedAhead<std::string> ahead(1000, [](size_t i) { return std::to_string(i * i); });
    for (size_t i = 0; i < 1000; ++i) EXPECT_EQ(ahead.Take(i), std::to_string(i * i));
}

TEST(ComputedAhead, RethrowsWhatTheWorkThrewAtThatItem) {
    ComputedAhead<int> ahead(10, [](size_t i) -> int {
        if (i == 5) throw std::runtime_error("row 5");
        return static_cast<int>(i);
    });
    for (size_t i = 0; i < 5; ++i) EXPECT_EQ(ahead.Take(i), static_cast<int>(i));
    EXPECT_THROW(ahead.Take(5), std::runtime_error);
}

TEST(ComputedAhead, StopsWhenTheCallerLeavesEarly) {
    size_t computed = 0;
    {
        ComputedAhead<int> ahead(1'000'000, [&](size_t i) {
            ++computed;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return static_cast<int>(i);
        });
        EXPECT_EQ(ahead.Take(0), 0);
    }  // destroyed with most items not taken: the worker stops and is joined
    EXPECT_LT(computed, 1'000'000u);
}

}  // namespace tongxin::util
