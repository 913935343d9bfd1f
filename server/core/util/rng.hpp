#pragma once
// Deterministic randomness for synthetic data (the demo, the generator, benchmarks): the same
// seed gives the same records on every platform.
#include <cstdint>
#include <string>
#include <vector>

namespace tongxin::util {

// splitmix64: small, fast, and the same on every platform (unlike std:: distributions).
class Rng {
  public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t Next();
    int Uniform(int lo, int hi);  // inclusive
    double Unit();
    bool Chance(double p) { return Unit() < p; }
    template <typename T>
    const T& Pick(const std::vector<T>& v) {
        return v[static_cast<size_t>(Uniform(0, static_cast<int>(v.size()) - 1))];
    }

  private:
    uint64_t state_;
};

// Fisher–Yates with `rng`.
void Shuffle(std::vector<int64_t>& v, Rng& rng);
// YYYY-MM-DD.
std::string DateOf(int year, int month, int day);

}  // namespace tongxin::util
