#include "modules/reports/registry.hpp"

namespace tongxin::reports {

void Registry::Add(Indicator indicator) { indicators_.push_back(std::move(indicator)); }

const Indicator* Registry::Find(const std::string& id) const {
    for (const auto& i : indicators_)
        if (i.id == id) return &i;
    return nullptr;
}

}  // namespace tongxin::reports
