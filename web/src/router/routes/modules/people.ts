import { page } from '../page'

export default [
  page('/people', 'people', () => import('@/views/people/list/index.vue'),
    { titleKey: 'common.menu.people', icon: 'User', menu: true, order: 10, access: 'readers' }),
  page('/me', 'me', () => import('@/views/me/index.vue'),
    { titleKey: 'common.menu.me', icon: 'Postcard', menu: true, order: 5, access: 'own_record' }),
]
