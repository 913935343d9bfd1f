// Micro-benchmarks of the per-resident work done on every import row and search.
#include <benchmark/benchmark.h>

#include "core/crypto/vault.hpp"
#include "core/text/chinese.hpp"
#include "core/text/codes.hpp"

using namespace tongxin;

static void BM_PinyinOfName(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(text::PinyinOfName("曾德钧"));
}
BENCHMARK(BM_PinyinOfName);

static void BM_EncryptPhone(benchmark::State& state) {
    auto v = crypto::Vault::ForTests();
    for (auto _ : state) benchmark::DoNotOptimize(v.Encrypt("13812341234"));
}
BENCHMARK(BM_EncryptPhone);

static void BM_LookupHash(benchmark::State& state) {
    auto v = crypto::Vault::ForTests();
    for (auto _ : state) benchmark::DoNotOptimize(v.LookupHash("510104199001011234"));
}
BENCHMARK(BM_LookupHash);

static void BM_ParseIdCard(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(text::ParseIdCard("11010519491231002X"));
}
BENCHMARK(BM_ParseIdCard);

BENCHMARK_MAIN();
