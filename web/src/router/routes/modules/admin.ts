import { page } from '../page'

export default [
  page('/admin/users', 'users', () => import('@/views/users/list/index.vue'),
    { titleKey: 'common.menu.users', icon: 'Avatar', menu: true, order: 90, access: 'admins' }),
  page('/admin/audit', 'audit', () => import('@/views/audit/list/index.vue'),
    { titleKey: 'common.menu.audit', icon: 'Document', menu: true, order: 95, access: 'admins' }),
  page('/profile', 'profile', () => import('@/views/profile/index.vue'), { titleKey: 'common.profile' }),
]
