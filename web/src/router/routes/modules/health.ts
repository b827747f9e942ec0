import { page } from '../page'

export default [
  page('/health/checkin', 'checkin', () => import('@/views/health/checkin/index.vue'),
    { titleKey: 'health.checkinTitle', icon: 'FirstAidKit', menu: true, order: 3, needsPerson: true }),
  page('/health/today', 'health-today', () => import('@/views/health/today/index.vue'),
    { titleKey: 'health.todayTitle', icon: 'DataLine', menu: true, order: 8, access: 'staff' }),
  page('/health/plans', 'health-plans', () => import('@/views/health/plans/index.vue'),
    { titleKey: 'health.plans.title', icon: 'Calendar', menu: true, order: 8.5, access: 'staff' }),
]
