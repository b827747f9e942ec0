// The people module: organisation units, people, their import.
#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/people/people_import.hpp"
#include "modules/people/people_routes.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::people {

core::Status Register(app::AppContext& ctx) {
  auto& people = ctx.Provide(std::make_unique<PeopleService>(ctx.db, ctx.clock));
  auto& importer = ctx.Provide(std::make_unique<PeopleImporter>(people));
  ctx.AddRoutes([&people, &importer](http::Router& router) {
    RegisterUnitRoutes(router, people);
    RegisterPeopleRoutes(router, people, importer);
  });
  core::AddMessages({
      {"people.not_found", {"找不到该人员", "No such person"}},
      {"people.archived", {"该人员已归档，不能修改", "This person is archived and cannot be changed"}},
      {"people.duplicate_id_number", {"证件号 {id_number} 已登记给另一人员", "The ID number {id_number} is already registered to another person"}},
      {"units.not_found", {"找不到该单位", "No such unit"}},
      {"units.has_children", {"该单位下还有下级单位或人员，不能删除", "This unit still has sub-units or people"}},
      {"units.cycle", {"不能把单位移到它自己的下级", "A unit cannot be moved under itself"}},
      {"units.code_taken", {"单位代码 {code} 已被使用", "The unit code {code} is taken"}},
      {"imports.not_found", {"找不到该导入批次或已过期", "No such import, or it has expired"}},
      {"imports.has_errors", {"文件中有 {invalid} 行无效，请修改后重新上传", "{invalid} rows of the file are invalid; fix them and upload again"}},
      {"imports.already_done", {"该导入已完成", "This import has already been carried out"}},
      {"imports.bad_file", {"无法读取文件：{detail}", "The file cannot be read: {detail}"}},
      {"imports.too_large", {"文件展开后超出上限（{limit}：最多 {max}），请拆分后再上传", "The file expands beyond a limit ({limit}: at most {max}); split it and upload again"}},
      {"imports.no_rows", {"文件中没有数据行", "The file has no data rows"}},
      {"imports.missing_column", {"缺少必需的列 {column}", "The required column {column} is missing"}},
      {"imports.unknown_unit", {"找不到单位 {unit}", "No unit named {unit}"}},
      {"imports.duplicate_in_file", {"证件号与第 {other_row} 行重复", "The ID number repeats row {other_row}"}},
      {"people.stale", {"该记录已被他人修改，请刷新后重试（当前版本 {version}）", "Someone else changed this record; reload and try again (current version {version})"}},
  });
  return {};
}

}  // namespace tongxin::people
