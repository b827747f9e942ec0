import { page } from '../page'

// Everyone signed in: the office and departments see the travellers in their scope, a
// traveller their own trips.
export default [
  page('/trips', 'trips', () => import('@/views/travel/trips/index.vue'),
    { titleKey: 'travel.title', icon: 'Promotion', menu: true, order: 11 }),
  page('/trips/:id', 'trip', () => import('@/views/travel/trip/index.vue'), { titleKey: 'travel.detailTitle' }),
]
