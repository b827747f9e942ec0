import { page } from '../page'

export default [
  page('/incidents', 'incidents', () => import('@/views/incidents/list/index.vue'),
    { titleKey: 'incidents.title', icon: 'Warning', menu: true, order: 9, access: 'incident_readers' }),
  page('/incidents/:id', 'incident', () => import('@/views/incidents/detail/index.vue'),
    { titleKey: 'incidents.detailTitle', access: 'incident_readers' }),
  page('/incident-plans', 'incident-plans', () => import('@/views/incidents/plans/index.vue'),
    { titleKey: 'incidents.plansTitle', icon: 'Notebook', menu: true, order: 10, access: 'staff' }),
]
