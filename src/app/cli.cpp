// Command-line entry: configuration precedence and the sub-commands.
#include "app/cli.hpp"

#include "http/openapi.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/app.hpp"
#include "app/config.hpp"
#include "app/demo_data.hpp"
#include "core/i18n.hpp"
#include "auth/auth_repo.hpp"
#include "storage/migrate.hpp"

namespace tongxin::app {
namespace {

int Fail(const core::Error& e) {
  std::string msg = e.code == core::Errc::kInternal ? "internal error" : core::Message(e, core::Lang::kEn);
  if (!e.log.empty()) msg += " (" + e.log + ")";
  for (const auto& [k, v] : e.details) {
    if (k != "field") msg += " [" + k + ": " + v + "]";
  }
  std::cerr << "error: " << msg << "\n";
  return 1;
}

core::Result<std::unique_ptr<App>> OpenApp(const Config& config) {
  TX_TRY(app, App::Create(config));
  return std::move(app.value());
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App cli{"Tongxin (同心): epidemic prevention and response for universities and their communities"};
  cli.set_version_flag("--version", std::string("tongxin ") + TONGXIN_VERSION);
  cli.require_subcommand(0, 1);
  cli.fallthrough();

  std::string config_file;
  cli.add_option("--config", config_file, "TOML configuration file")->envname("TONGXIN_CONFIG");
  std::map<std::string, std::string> flag_values;
  std::map<std::string, CLI::Option*> flag_options;
  for (const auto& s : Settings()) {
    flag_options[s.key] = cli.add_option(FlagName(s), flag_values[s.key], s.help + " (env " + EnvName(s) + ")");
  }

  auto* serve = cli.add_subcommand("serve", "Serve the API and the web app (default)");
  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations and exit");
  auto* demo = cli.add_subcommand("demo", "Load demo data into an empty database");
  auto* user = cli.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create a user");
  std::string username, role, display, password;
  bool password_stdin = false;
  user_add->add_option("username", username, "login name")->required();
  user_add->add_option("--role", role, "admin, office, department, leader, volunteer, foreign_staff")->required();
  user_add->add_option("--name", display, "display name");
  user_add->add_option("--password", password, "password (prefer --password-stdin)");
  user_add->add_flag("--password-stdin", password_stdin, "read the password from standard input");
  auto* import = cli.add_subcommand("import", "Import data");
  import->require_subcommand(1);
  auto* import_people = import->add_subcommand("people", "Import people from a CSV or XLSX file (all or nothing)");
  std::string import_file, import_unit;
  import_people->add_option("file", import_file, "CSV or XLSX file")->required()->check(CLI::ExistingFile);
  import_people->add_option("--unit", import_unit, "unit code for rows without a unit column");
  auto* openapi = cli.add_subcommand("openapi", "Print the OpenAPI document of every route and exit");
  auto* backup = cli.add_subcommand("backup", "Write a consistent online copy of the SQLite database");
  std::string backup_file;
  backup->add_option("file", backup_file, "target file (must not exist)")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  // Precedence: flags > environment > TOML file > defaults.
  Config config;
  if (!config_file.empty()) {
    if (auto st = ApplyTomlFile(config, config_file); !st) return Fail(st.error());
  }
  if (auto st = ApplyEnvironment(config, [](const char* n) { return std::getenv(n); }); !st) return Fail(st.error());
  std::map<std::string, std::string> given;
  for (const auto& [key, opt] : flag_options) {
    if (opt->count() > 0) given[key] = flag_values[key];
  }
  if (auto st = ApplyValues(config, given); !st) return Fail(st.error());
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

  if (*migrate) {
    auto app = OpenApp(config);  // Create applies migrations
    if (!app) return Fail(app.error());
    std::cout << "database is up to date\n";
    return 0;
  }
  if (*demo) {
    auto app = OpenApp(config);
    if (!app) return Fail(app.error());
    auto loaded = LoadDemoData(**app);
    if (!loaded) return Fail(loaded.error());
    std::cout << (*loaded ? "demo data loaded\n" : "database already has users; demo data not loaded\n");
    return 0;
  }
  if (*user_add) {
    if (password_stdin) std::getline(std::cin, password);
    auto app = OpenApp(config);
    if (!app) return Fail(app.error());
    boost::json::object body{{"username", username}, {"role", role}, {"password", password}};
    if (!display.empty()) body["display_name"] = display;
    auto in = auth::ParseUserInput(body, true);
    if (!in) return Fail(in.error());
    auto made = (*app)->auth().CreateUser(*in, auth::Actor{});
    if (!made) return Fail(made.error());
    std::cout << "created user " << made->username << " (" << core::RoleName(made->role) << ")\n";
    return 0;
  }
  if (*import_people) {
    auto app = OpenApp(config);
    if (!app) return Fail(app.error());
    std::ifstream in(import_file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    core::Principal system;
    system.all_units = true;
    system.role = core::Role::kAdmin;
    auto user_row = (*app)->db().WithSession([](soci::session& sql) -> core::Result<std::int64_t> {
      auto id = auth::repo::FirstAdminId(sql);
      if (!id) return core::MakeError(core::Errc::kInvalid, "users.not_found");
      return *id;
    });
    if (!user_row) {
      std::cerr << "error: create an admin user first (tongxin user add NAME --role admin)\n";
      return 1;
    }
    system.user_id = *user_row;
    std::int64_t unit_id = 0;
    if (!import_unit.empty()) {
      auto u = (*app)->db().WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
        auto unit = people::repo::FindUnitByCode(sql, import_unit);
        if (!unit) return core::NotFound("units.not_found");
        return unit->id;
      });
      if (!u) return Fail(u.error());
      unit_id = *u;
    }
    auth::Actor actor;
    actor.username = "cli";
    auto pv = (*app)->importer().Preview(system, ss.str(), import_file, unit_id, actor);
    if (!pv) return Fail(pv.error());
    std::cout << pv->total << " rows, " << pv->valid << " valid\n";
    for (const auto& is : pv->issues) {
      std::cout << "  row " << is.row << " " << is.field << ": "
                << core::FieldMessage({is.field, is.code, is.args}, core::Lang::kEn) << "\n";
    }
    if (!pv->issues.empty()) {
      std::cerr << "nothing imported: fix the rows above and run again\n";
      return 2;
    }
    auto n = (*app)->importer().Confirm(system, pv->id, actor);
    if (!n) return Fail(n.error());
    std::cout << "imported " << *n << " people\n";
    return 0;
  }
  if (*openapi) {
    auto app = OpenApp(config);
    if (!app) return Fail(app.error());
    std::cout << boost::json::serialize(http::BuildOpenApi((*app)->BuildRouter(), TONGXIN_VERSION)) << "\n";
    return 0;
  }
  if (*backup) {
    auto app = OpenApp(config);
    if (!app) return Fail(app.error());
    if (auto st = (*app)->db().BackupTo(backup_file); !st) return Fail(st.error());
    std::cout << "backup written to " << backup_file << "\n";
    return 0;
  }

  // serve (default)
  (void)serve;
  spdlog::info("tongxin {} starting: {}", TONGXIN_VERSION, Describe(config));
  auto app = OpenApp(config);
  if (!app) return Fail(app.error());
  if (auto st = (*app)->Start(); !st) return Fail(st.error());
  (*app)->WaitForSignal();
  return 0;
}

}  // namespace tongxin::app
