import { page } from '../page'

// Community staff manage buildings, households and residents; leaders and volunteers
// deployed to the community read them.
export default [
  page('/community', 'community', () => import('@/views/community/buildings/index.vue'),
    { titleKey: 'community.title', icon: 'House', menu: true, order: 30, access: 'readers' }),
  page('/community/households/:id', 'household', () => import('@/views/community/household/index.vue'),
    { titleKey: 'community.householdTitle', access: 'readers' }),
  page('/volunteers', 'volunteers', () => import('@/views/community/volunteers/index.vue'),
    { titleKey: 'volunteers.title', icon: 'UserFilled', menu: true, order: 31, access: 'readers' }),
  page('/shifts', 'shifts', () => import('@/views/community/shifts/index.vue'),
    { titleKey: 'shifts.title', icon: 'Calendar', menu: true, order: 32, access: 'readers' }),
]
