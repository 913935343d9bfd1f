#pragma once
// ComputedAhead: f(0), f(1), ... f(n-1) computed in order on a second thread while the caller
// takes them in the same order. A large import prepares the next rows (pinyin, encryption,
// keyed hashes) while the database writes the ones before, so the two cores share the work.
// Take(i) waits for f(i) and rethrows what f threw; the destructor stops and joins the thread.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tongxin::util {

template <typename T>
class ComputedAhead {
  public:
    ComputedAhead(size_t n, std::function<T(size_t)> f) : results_(n), f_(std::move(f)) {
        worker_ = std::thread([this] { Run(); });
    }
    ~ComputedAhead() {
        {
            std::lock_guard<std::mutex> lock(mu_);
            stop_ = true;
        }
        worker_.join();
    }
    ComputedAhead(const ComputedAhead&) = delete;
    ComputedAhead& operator=(const ComputedAhead&) = delete;

    T Take(size_t i) {
        std::unique_lock<std::mutex> lock(mu_);
        ready_cv_.wait(lock, [&] { return ready_ > i || failure_; });
        if (ready_ <= i) std::rethrow_exception(failure_);
        T out = std::move(*results_[i]);
        results_[i].reset();
        return out;
    }

  private:
    void Run() {
        for (size_t i = 0; i < results_.size(); ++i) {
            {
                std::lock_guard<std::mutex> lock(mu_);
                if (stop_) return;
            }
            try {
                T value = f_(i);
                std::lock_guard<std::mutex> lock(mu_);
                results_[i].emplace(std::move(value));
                ready_ = i + 1;
            } catch (...) {
                std::lock_guard<std::mutex> lock(mu_);
                failure_ = std::current_exception();
                ready_cv_.notify_all();
                return;
            }
            ready_cv_.notify_all();
        }
    }

    std::vector<std::optional<T>> results_;
    std::function<T(size_t)> f_;
    std::mutex mu_;
    std::condition_variable ready_cv_;
    size_t ready_ = 0;
    bool stop_ = false;
    std::exception_ptr failure_;
    std::thread worker_;
};

}  // namespace tongxin::util
