import { page } from '../page'

export default [
  page('/partners', 'partners', () => import('@/views/partners/list/index.vue'),
    { titleKey: 'partners.title', icon: 'Connection', menu: true, order: 12, access: 'staff' }),
  page('/partners/letters', 'partner-letters', () => import('@/views/partners/letters/index.vue'),
    { titleKey: 'partners.lettersTitle', icon: 'MessageBox', menu: true, order: 12.1, access: 'staff' }),
  page('/partners/letters/:id', 'partner-letter', () => import('@/views/partners/letter/index.vue'),
    { titleKey: 'partners.letterTitle', access: 'staff' }),
  page('/partners/templates', 'partner-templates', () => import('@/views/partners/templates/index.vue'),
    { titleKey: 'mailings.templatesTitle', access: 'managers' }),
  page('/partners/mailings', 'partner-mailings', () => import('@/views/partners/mailings/index.vue'),
    { titleKey: 'mailings.title', icon: 'Message', menu: true, order: 12.2, access: 'managers' }),
  page('/partners/mailings/:id', 'partner-mailing', () => import('@/views/partners/mailing/index.vue'),
    { titleKey: 'mailings.detailTitle', access: 'managers' }),
  page('/partners/visits', 'partner-visits', () => import('@/views/partners/visits/index.vue'),
    { titleKey: 'visits.title', icon: 'Calendar', menu: true, order: 12.3, access: 'staff' }),
  page('/partners/visits/:id', 'partner-visit', () => import('@/views/partners/visit/index.vue'),
    { titleKey: 'visits.detailTitle', access: 'staff' }),
  page('/partners/:id', 'partner', () => import('@/views/partners/detail/index.vue'),
    { titleKey: 'partners.detailTitle', access: 'staff' }),
]
