// Supplies routes: /api/v1/supplies/items, /stores, /stores/{id}/stock, /postings.
#pragma once

#include "http/router.hpp"
#include "modules/supplies/supplies_service.hpp"

namespace tongxin::supplies {

void RegisterSupplyRoutes(http::Router& router, SuppliesService& supplies);

}  // namespace tongxin::supplies
