// What `verdict serve` answers: the site's pages, the API, the persona lab and
// the live script, from the catalog's current snapshot; and the event streams
// of the open pages, each told to reload when its own content changed and
// shown the catalog's problems while there are any.
#pragma once

#include "serve/head_baseline.hpp"
#include "serve/http_server.hpp"
#include "serve/live_catalog.hpp"
#include "serve/served_page.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace verdict::serve {

inline constexpr const char* events_path = "/_verdict/events";
inline constexpr const char* live_script_path = "/_verdict/live.js";

class live_site : public request_handler {
public:
    live_site(live_catalog& catalog, head_baseline& head);

    http_reply handle(const request_target& target) override;
    bool is_event_stream(const request_target& target) const override { return target.path == events_path; }
    void opened(const std::shared_ptr<event_stream>& stream, const request_target& target) override;

    /// After a reload: each open page whose content changed is told to reload, and each is told the problems when
    /// they changed.
    void reloaded();

private:
    struct open_page {
        std::weak_ptr<event_stream> stream;
        std::string page;       ///< The page's path and query, as the browser asked for it.
        std::string hash;       ///< Of the content the browser holds.
        std::string problems;   ///< The problems it was last told, as JSON.
    };

    // The page for `target` as made, before the live script is added: a 404 page when there is none.
    served_page make(const request_target& target);
    // The hash of the content at `page` (a path and query) now.
    std::string hash_now(const std::string& page);

    live_catalog& catalog_;
    head_baseline& head_;
    // Held while a page is told anything: a page opening while a reload is told must be told of it, whichever
    // comes first. Also guards pages_.
    std::mutex telling_;
    std::vector<std::shared_ptr<open_page>> pages_;
};

/// `html` as served: its content security policy lets it run the server's scripts and open its event stream, and it
/// loads the live script, knowing its content's `hash`.
std::string with_live_script(std::string html, const std::string& hash);

/// The live script (compiled in from engine/src/serve/live.js).
std::string_view live_script_text();

}  // namespace verdict::serve
