// A page the server made: its bytes and what they are.
#pragma once

#include <string>

namespace verdict::serve {

struct served_page {
    unsigned status = 200;
    std::string content_type;
    std::string body;

    bool html() const { return content_type.rfind("text/html", 0) == 0; }
};

inline constexpr const char* html_type = "text/html; charset=utf-8";
inline constexpr const char* json_type = "application/json; charset=utf-8";
inline constexpr const char* script_type = "text/javascript; charset=utf-8";

}  // namespace verdict::serve
