#include "core/util/rng.hpp"

#include <cstdio>
#include <utility>

namespace tongxin::util {

uint64_t Rng::Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int Rng::Uniform(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }

double Rng::Unit() { return static_cast<double>(Next() >> 11) / static_cast<double>(1ull << 53); }

void Shuffle(std::vector<int64_t>& v, Rng& rng) {
    for (size_t i = v.size(); i > 1; --i) {
        std::swap(v[i - 1], v[static_cast<size_t>(rng.Uniform(0, static_cast<int>(i) - 1))]);
    }
}

std::string DateOf(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

}  // namespace tongxin::util
