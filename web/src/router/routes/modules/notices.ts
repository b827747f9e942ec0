import { page } from '../page'

export default [
  page('/notices', 'notices', () => import('@/views/notices/index.vue'),
    { titleKey: 'notices.title', icon: 'Bell', menu: true, order: 2 }),
  page('/admin/outbox', 'outbox', () => import('@/views/outbox/index.vue'),
    { titleKey: 'notices.outboxTitle', icon: 'Message', menu: true, order: 96, access: 'admins' }),
  page('/admin/channels', 'channels', () => import('@/views/channels/index.vue'),
    { titleKey: 'notices.channelsTitle', icon: 'Connection', menu: true, order: 97, access: 'admins' }),
]
