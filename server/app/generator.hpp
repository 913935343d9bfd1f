#pragma once
// Synthetic, deterministic data for demos and benchmarks: places, households and residents with
// names fitting each ethnic group, valid-looking (but invented) identity-card and phone numbers.
// The same seed gives the same data.
#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/util/rng.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::app {

using util::Rng;

struct EthnicShare {
    std::string code;
    double share;
};

struct PersonSpec {
    std::string name;
    std::string gender;
    std::string birth_date;
    std::string ethnicity;
};

class PeopleMaker {
  public:
    explicit PeopleMaker(uint64_t seed) : rng_(seed) {}
    Rng& rng() { return rng_; }
    // A household's ethnicity drawn from `shares` (the remainder is Han).
    std::string DrawEthnicity(const std::vector<EthnicShare>& shares);
    std::string Surname(const std::string& ethnicity);
    // A name for a person of `ethnicity`; Han-style names use `surname`.
    std::string Name(const std::string& ethnicity, const std::string& surname, char gender);
    std::string BirthDate(int min_age, int max_age, int ref_year = 2021);
    std::string IdNumber(const std::string& birth_date, char gender);
    std::string Phone();

  private:
    Rng rng_;
    uint64_t id_sequence_ = 0;
};

struct CommunitySpec {
    std::string name;
    std::vector<std::string> compounds;  // 小区 names: a compound each, with a grid of its own
    int buildings_per_compound;
    int residents;
    std::vector<EthnicShare> minorities;
    double lat, lng;
};

struct GeneratedCommunity {
    int64_t id;
    std::vector<int64_t> grids;
    std::vector<int64_t> buildings;
    std::vector<int64_t> residents;  // in creation order
};

// Creates the community with its grids, buildings, households and residents under `street_id`.
GeneratedCommunity GenerateCommunity(db::Connection& conn, residents::ResidentService& svc, PeopleMaker& people,
                                     int64_t street_id, const CommunitySpec& spec);

}  // namespace tongxin::app
