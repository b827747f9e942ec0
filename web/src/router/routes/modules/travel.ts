import { page } from '../page'

// Everyone signed in: the office and departments see the travellers in their scope, a
// traveller their own trips; everyone reads the entry rules by country.
export default [
  page('/trips', 'trips', () => import('@/views/travel/trips/index.vue'),
    { titleKey: 'travel.title', icon: 'Promotion', menu: true, order: 11 }),
  page('/trips/:id', 'trip', () => import('@/views/travel/trip/index.vue'), { titleKey: 'travel.detailTitle' }),
  page('/entry-rules', 'entry-rules', () => import('@/views/travel/rules/index.vue'),
    { titleKey: 'rules.title', icon: 'Stamp', menu: true, order: 11.9 }),
  page('/entry-rules/:id', 'entry-rule', () => import('@/views/travel/rule/index.vue'), { titleKey: 'rules.detailTitle' }),
]
