#include "serve/live_site.hpp"

#include "batch/content_hash.hpp"
#include "reports/html/html_escape.hpp"
#include "serve/api_documents.hpp"
#include "serve/persona_lab.hpp"
#include "serve/site_pages.hpp"

#include <map>

namespace verdict::serve {
namespace {

constexpr std::string_view policy_start = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
constexpr std::string_view served_policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'";

served_page missing_page(const std::string& path, bool loaded) {
    std::string out = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    out.append(policy_start).append("default-src 'none'\"><title>");
    out += loaded ? "No such page" : "The catalog could not be loaded";
    out += "</title></head><body><main><h1>";
    if (loaded) {
        out += "No page at ";
        html::append_text(out, path);
        out += "</h1><p>The site has no page here (yet): it appears as soon as the catalog makes one. <a href=\"/\">The index</a>.</p>";
    } else {
        out += "The catalog could not be loaded</h1><p>Its problems are listed below; the site appears once they are fixed.</p>";
    }
    out += "</main></body></html>\n";
    return {loaded ? 404u : 503u, html_type, std::move(out)};
}

std::string event(std::string_view name, std::string_view data) { return std::string("event: ").append(name).append("\ndata: ").append(data).append("\n\n"); }

}  // namespace

std::string with_live_script(std::string html, const std::string& hash) {
    if (const std::size_t at = html.find(policy_start); at != std::string::npos) {
        const std::size_t start = at + policy_start.size();
        const std::size_t end = html.find('"', start);
        if (end != std::string::npos) html.replace(start, end - start, served_policy);
    }
    std::string tags = "<meta name=\"verdict-live\" content=\"" + hash + "\"><script src=\"" + live_script_path + "\" defer></script>";
    const std::size_t head_end = html.find("</head>");
    html.insert(head_end == std::string::npos ? 0 : head_end, tags);
    return html;
}

live_site::live_site(live_catalog& catalog, head_baseline& head) : catalog_(catalog), head_(head) {}

served_page live_site::make(const request_target& target) {
    if (target.path == live_script_path) return {200, script_type, std::string(live_script_text())};
    if (target.path == lab_script_path) return {200, script_type, std::string(lab_script_text())};
    const std::shared_ptr<const site_state> state = catalog_.current();
    if (!state) return missing_page(target.path, false);
    if (target.path == lab_path) {
        lab_baseline baseline;
        baseline.diff = head_.diff_against(*state, baseline.label, baseline.why_none);
        return lab_page(*state, target.param("seat"), baseline);
    }
    const auto unseated = [this, &state](const tool_review& r, const std::string& seat) { return catalog_.with_unseated_review(*state, r, seat); };
    if (auto api = api_document(*state, target, unseated)) return std::move(*api);
    if (auto page = site_page(*state, target.path)) return std::move(*page);
    return missing_page(target.path, true);
}

http_reply live_site::handle(const request_target& target) {
    served_page page = make(target);
    if (page.html()) page.body = with_live_script(std::move(page.body), content_hash().add(page.body).hex());
    return {page.status, std::move(page.content_type), std::move(page.body), {}};
}

std::string live_site::hash_now(const std::string& page) {
    const auto target = parse_target(page);
    if (!std::holds_alternative<request_target>(target)) return "";
    const served_page made = make(std::get<request_target>(target));
    return content_hash().add(made.body).hex();
}

void live_site::opened(const std::shared_ptr<event_stream>& stream, const request_target& target) {
    std::lock_guard lock(telling_);
    auto page = std::make_shared<open_page>(open_page{stream, target.param("page"), target.param("hash"), problems_json(catalog_.problems())});
    const std::string now = hash_now(page->page);
    stream->send(event("problems", page->problems));
    if (now != page->hash) stream->send(event("reload", page->page));
    page->hash = now;
    pages_.push_back(std::move(page));
}

void live_site::reloaded() {
    std::lock_guard lock(telling_);
    const std::string problems = problems_json(catalog_.problems());
    std::erase_if(pages_, [](const std::shared_ptr<open_page>& p) { return p->stream.expired(); });
    std::map<std::string, std::string> hashes;   // each page made once, however many browsers hold it
    for (const std::shared_ptr<open_page>& page : pages_) {
        auto found = hashes.find(page->page);
        if (found == hashes.end()) found = hashes.emplace(page->page, hash_now(page->page)).first;
        const std::shared_ptr<event_stream> stream = page->stream.lock();
        if (!stream) continue;
        if (problems != page->problems) stream->send(event("problems", problems));
        if (found->second != page->hash) stream->send(event("reload", page->page));
        page->problems = problems;
        page->hash = found->second;
    }
}

}  // namespace verdict::serve
