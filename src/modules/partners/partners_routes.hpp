// Partners routes: /api/v1/partners (partners, contacts, merge, linked donors, export) and
// /api/v1/partners/letters (the correspondence log and its attachments), and
// /api/v1/partners/templates and /mailings (letter templates and mass letters), and
// /api/v1/partners/visits (the visit log), and /api/v1/partners/imports (XLSX/CSV import).
#pragma once

#include "http/router.hpp"
#include "modules/partners/mailings_service.hpp"
#include "modules/partners/partners_import.hpp"
#include "modules/partners/partners_service.hpp"
#include "modules/partners/visits_service.hpp"

namespace tongxin::partners {

void RegisterPartnerRoutes(http::Router& router, PartnersService& partners);
void RegisterLetterRoutes(http::Router& router, PartnersService& partners);
void RegisterMailingRoutes(http::Router& router, MailingsService& mailings);
void RegisterVisitRoutes(http::Router& router, VisitsService& visits);
void RegisterImportRoutes(http::Router& router, PartnersImporter& importer);

}  // namespace tongxin::partners
