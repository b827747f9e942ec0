import { page } from '../page'

// Everyone reads the notices meant for them; the office writes and publishes them. The
// public page (no login) is a top-level route in router/index.ts.
export default [
  page('/announcements', 'announcements', () => import('@/views/announcements/list/index.vue'),
    { titleKey: 'announcements.title', icon: 'Notification', menu: true, order: 1.5 }),
  page('/announcements/:id', 'announcement', () => import('@/views/announcements/detail/index.vue'),
    { titleKey: 'announcements.detailTitle' }),
]
