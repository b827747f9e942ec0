// /api/v1/health: plans, check-ins, inquiries, today's counts, the missing list, alerts.
#pragma once

#include "http/router.hpp"
#include "modules/health/health_jobs.hpp"
#include "modules/health/health_service.hpp"

namespace tongxin::health {

void RegisterHealthRoutes(http::Router& router, HealthService& health, HealthJobs& jobs);

}  // namespace tongxin::health
