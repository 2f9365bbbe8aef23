// write-floor: the least a batch can spend writing its pages. It reads every
// page of a batch's output folder into memory (untimed), then writes the same
// files with the same bytes into an empty folder, on the same number of
// threads and through the same atomic writer as the batch (a temporary in the
// page's folder, renamed into place), and prints the seconds the writing took.
// batch_benchmarks.py compares the batch with it.
#include "support/atomic_file.hpp"

#include <boost/program_options.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

struct page {
    fs::path relative;
    std::string bytes;
};

// Every file under `dir` but those in hidden folders or with hidden names (the batch's state and lock).
std::vector<page> pages_of(const fs::path& dir) {
    std::vector<page> out;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        if (it->path().filename().string().starts_with(".")) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        std::ifstream in(it->path(), std::ios::binary);
        out.push_back({fs::relative(it->path(), dir), std::string(std::istreambuf_iterator<char>(in), {})});
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    po::options_description options("write-floor --from DIR --to DIR [--jobs N]");
    options.add_options()("from", po::value<std::string>()->required(), "a batch's output folder")(
        "to", po::value<std::string>()->required(), "an empty or missing folder to write the same files into")(
        "jobs", po::value<unsigned>()->default_value(std::max(1u, std::thread::hardware_concurrency())), "writing threads");
    po::variables_map values;
    try {
        po::store(po::parse_command_line(argc, argv, options), values);
        po::notify(values);
    } catch (const po::error& e) {
        std::cerr << "write-floor: " << e.what() << "\n" << options;
        return 2;
    }
    const fs::path to = values["to"].as<std::string>();
    const std::vector<page> pages = pages_of(values["from"].as<std::string>());
    std::set<fs::path> folders;
    for (const page& p : pages) folders.insert((to / p.relative).parent_path());

    const auto start = std::chrono::steady_clock::now();
    for (const fs::path& folder : folders) fs::create_directories(folder);
    std::atomic<std::size_t> next = 0;
    std::atomic<std::size_t> failed = 0;
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < values["jobs"].as<unsigned>(); ++t)
        threads.emplace_back([&] {
            for (std::size_t i = next++; i < pages.size(); i = next++)
                if (!verdict::write_file_atomically(to / pages[i].relative, pages[i].bytes).empty()) ++failed;
        });
    for (std::thread& thread : threads) thread.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (failed) {
        std::cerr << "write-floor: " << failed << " of " << pages.size() << " files could not be written\n";
        return 1;
    }
    std::printf("%zu files, %.3f s\n", pages.size(), seconds);
    return 0;
}
