// Every module's registration (see app/module.hpp), in the order app.cpp calls them: a
// module may use the services of those before it. A new module is one line here and its
// name in kModules (app.cpp).
#pragma once

#include <vector>

#include "app/config.hpp"
#include "core/result.hpp"

namespace tongxin::app {
class AppContext;
}

// Register adds the module's services, routes, jobs, retention step and messages;
// ConfigKeys declares the keys of its configuration section (app::Config::<module>).
namespace tongxin::auth { core::Status Register(app::AppContext& ctx); std::vector<app::Setting> ConfigKeys(); }
namespace tongxin::people { core::Status Register(app::AppContext& ctx); }
namespace tongxin::notify { core::Status Register(app::AppContext& ctx); std::vector<app::Setting> ConfigKeys(); }
namespace tongxin::health { core::Status Register(app::AppContext& ctx); std::vector<app::Setting> ConfigKeys(); }
namespace tongxin::incidents { core::Status Register(app::AppContext& ctx); std::vector<app::Setting> ConfigKeys(); }
namespace tongxin::supplies { core::Status Register(app::AppContext& ctx); }
namespace tongxin::partners { core::Status Register(app::AppContext& ctx); }
namespace tongxin::travel { core::Status Register(app::AppContext& ctx); std::vector<app::Setting> ConfigKeys(); }
namespace tongxin::announcements { core::Status Register(app::AppContext& ctx); }
namespace tongxin::community { core::Status Register(app::AppContext& ctx); }
