import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/admin/users',
    name: 'users',
    component: () => import('@/views/users/list/index.vue'),
    meta: { titleKey: 'common.menu.users', icon: 'Avatar', menu: true, order: 90, access: 'admins' },
  },
  {
    path: '/admin/audit',
    name: 'audit',
    component: () => import('@/views/audit/list/index.vue'),
    meta: { titleKey: 'common.menu.audit', icon: 'Document', menu: true, order: 95, access: 'admins' },
  },
  {
    path: '/profile',
    name: 'profile',
    component: () => import('@/views/profile/index.vue'),
    meta: { titleKey: 'common.profile' },
  },
]
export default routes
