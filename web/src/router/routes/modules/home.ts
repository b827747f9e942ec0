import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('@/views/home/index.vue'),
    meta: { titleKey: 'common.menu.home', icon: 'HomeFilled', menu: true, order: 0 },
  },
]
export default routes
