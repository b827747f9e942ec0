import { page } from '../page'

export default [
  page('/', 'home', () => import('@/views/home/index.vue'),
    { titleKey: 'common.menu.home', icon: 'HomeFilled', menu: true, order: 0 }),
]
