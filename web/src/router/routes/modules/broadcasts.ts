import { page } from '../page'

// The office writes and sends broadcasts (the daily briefing); leaders read them.
export default [
  page('/broadcasts', 'broadcasts', () => import('@/views/broadcasts/list/index.vue'),
    { titleKey: 'broadcasts.title', icon: 'ChatDotSquare', menu: true, order: 1.6, access: 'overseers' }),
  page('/broadcasts/:id', 'broadcast', () => import('@/views/broadcasts/detail/index.vue'),
    { titleKey: 'broadcasts.detailTitle', access: 'overseers' }),
]
