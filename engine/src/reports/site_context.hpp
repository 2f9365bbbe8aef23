// What every page knows of the site around it: the site's settings (its name,
// call to action and address) and where its pages link beyond themselves.
#pragma once

#include "catalog/site_settings.hpp"
#include "compare/site_links.hpp"

namespace verdict {

struct site_context {
    site_settings settings;
    site_links links;
};

}  // namespace verdict
