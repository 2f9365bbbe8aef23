// The shared-library error boundary.
//
// Order matters here. The library is opened with RTLD_NOW so an unresolved
// symbol fails the load instead of a later call. The API version is read from
// a data symbol, which runs none of the plugin's code, before the factory is
// touched. The library handle is declared before the persona in
// shared_library_persona, so the persona's code is destroyed while its library
// is still mapped. Every call into the plugin is wrapped, and exceptions are
// turned into text while the library that threw them is still loaded.
#include "hosts/shared_library_host.hpp"

#include "hosts/persona_defaults.hpp"
#include "support/text_file.hpp"
#include "verdict/persona.hpp"

#include <boost/dll/shared_library.hpp>

#include <functional>

namespace verdict {
namespace {

[[noreturn]] void fail(const std::string& file, const std::string& what, const std::string& expected, const std::string& found) {
    throw host_error(file + ": " + what + ": expected " + expected + ", found " + found);
}

// Runs a call into plugin code and turns anything it throws into a host_error.
template <class Call> auto guarded(const std::string& file, const std::string& what, Call&& call) -> decltype(call()) {
    try {
        return call();
    } catch (const host_error&) {
        throw;
    } catch (const invalid_review& error) {
        fail(file, what, "a valid review", error.what());
    } catch (const std::exception& error) {
        fail(file, what, "no exception", std::string("exception \"") + error.what() + "\"");
    } catch (...) {
        fail(file, what, "no exception", "an exception that is not a std::exception");
    }
}

// dlerror() starts with the absolute path of the library; the message already names the file.
std::string loader_message(const std::string& what, const std::filesystem::path& library) {
    const std::string marker = "dlerror system message: ";
    std::string text = what;
    if (const auto at = text.find(marker); at != std::string::npos) text = text.substr(at + marker.size());
    if (!text.empty() && text.back() == ')') text.pop_back();
    const std::string prefix = library.string() + ": ";
    if (text.rfind(prefix, 0) == 0) text = text.substr(prefix.size());
    return "\"" + text + "\"";
}

class shared_library_persona final : public persona_backend {
public:
    shared_library_persona(boost::dll::shared_library library, std::string file)
        : library_(std::move(library)), file_(std::move(file)) {
        auto& create = library_.get_alias<persona_factory>(factory_symbol);
        persona_ = guarded(file_, "creating the persona", [&] { return create(); });
        if (!persona_) fail(file_, "creating the persona", "a persona", "a null pointer");
        identity_ = guarded(file_, "reading the persona's identity", [&] {
            return persona_identity{persona_->id(), persona_->display_name(), persona_->version()};
        });
        defaults_ = guarded(file_, "reading the persona's defaults", [&] { return persona_->defaults(); });
        try {
            check_persona_defaults(defaults_);
        } catch (const std::invalid_argument& error) {
            throw host_error(file_ + ": defaults: " + error.what());
        }
    }

    const persona_identity& identity() const override { return identity_; }
    const settings& defaults() const override { return defaults_; }
    const std::string& source() const override { return file_; }

    review review_tool(const tool& t, const settings& s, std::vector<std::string>*) const override {
        return guarded(file_, "review of " + t.id, [&] { return persona_->review_tool(t, s); });
    }

private:
    boost::dll::shared_library library_;   // first member: unloaded after the persona is destroyed
    std::string file_;
    std::unique_ptr<persona> persona_;
    persona_identity identity_;
    settings defaults_;
};

boost::dll::shared_library open_library(const std::filesystem::path& library, const std::string& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(library, ec))
        fail(file, "loading", "a persona plugin file", std::filesystem::exists(library, ec) ? "something that is not a file" : "no such file");
    try {
        return boost::dll::shared_library(library, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& error) {
        fail(file, "loading", "a shared library whose symbols all resolve", loader_message(error.what(), library));
    }
}

void check_api_version(const boost::dll::shared_library& lib, const std::string& file) {
    if (!lib.has(api_version_symbol) || !lib.has(factory_symbol))
        fail(file, "loading", "a persona plugin exporting verdict_api_version and verdict_create_persona (VERDICT_PERSONA)",
             "a shared library without them");
    const std::uint32_t version = lib.get_alias<const std::uint32_t>(api_version_symbol);
    if (version != api_version)
        fail(file, "loading", "persona API version " + std::to_string(api_version),
             "version " + std::to_string(version) + " (rebuild the plugin against this SDK)");
}

}  // namespace

std::unique_ptr<persona_backend> load_shared_library_persona(const std::filesystem::path& library) {
    const std::string file = display_path(library);
    boost::dll::shared_library lib = open_library(std::filesystem::absolute(library), file);
    check_api_version(lib, file);
    return std::make_unique<shared_library_persona>(std::move(lib), file);
}

}  // namespace verdict

