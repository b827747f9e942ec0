import { page } from '../page'

export default [
  page('/partners', 'partners', () => import('@/views/partners/list/index.vue'),
    { titleKey: 'partners.title', icon: 'Connection', menu: true, order: 12, access: 'staff' }),
  page('/partners/letters', 'partner-letters', () => import('@/views/partners/letters/index.vue'),
    { titleKey: 'partners.lettersTitle', icon: 'MessageBox', menu: true, order: 12.1, access: 'staff' }),
  page('/partners/letters/:id', 'partner-letter', () => import('@/views/partners/letter/index.vue'),
    { titleKey: 'partners.letterTitle', access: 'staff' }),
  page('/partners/:id', 'partner', () => import('@/views/partners/detail/index.vue'),
    { titleKey: 'partners.detailTitle', access: 'staff' }),
]
