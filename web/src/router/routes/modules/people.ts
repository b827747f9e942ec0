import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/people',
    name: 'people',
    component: () => import('@/views/people/list/index.vue'),
    meta: { titleKey: 'common.menu.people', icon: 'User', menu: true, order: 10,
            access: 'readers' },
  },
  {
    path: '/me',
    name: 'me',
    component: () => import('@/views/me/index.vue'),
    meta: { titleKey: 'common.menu.me', icon: 'Postcard', menu: true, order: 5, access: 'own_record' },
  },
]
export default routes
