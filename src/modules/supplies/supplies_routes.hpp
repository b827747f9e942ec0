// Supplies routes: /api/v1/supplies/items, /stores, /stores/{id}/stock, /postings, and those of
// distributions and donations.
#pragma once

#include "http/router.hpp"
#include "modules/supplies/distributions_service.hpp"
#include "modules/supplies/donations_service.hpp"
#include "modules/supplies/reports.hpp"
#include "modules/supplies/stocktake.hpp"
#include "modules/supplies/supplies_service.hpp"

namespace tongxin::supplies {

void RegisterSupplyRoutes(http::Router& router, SuppliesService& supplies);
// /api/v1/supplies/packages, /distributions, /shares, /mine; public_url starts the links
// printed on sign-off sheets.
void RegisterDistributionRoutes(http::Router& router, DistributionsService& distributions, std::string public_url);
// /api/v1/supplies/donors, /rates, /currencies, /donations.
void RegisterDonationRoutes(http::Router& router, DonationsService& donations);
// /api/v1/supplies/stores/{id}/count-sheet and /stocktake.
void RegisterStocktakeRoutes(http::Router& router, Stocktake& stocktake);
// /api/v1/supplies/reports/..., /items/export, /items/{id}/movements/export.
void RegisterReportRoutes(http::Router& router, SupplyReports& reports, SuppliesService& supplies);

}  // namespace tongxin::supplies
