import { page } from '../page'

export default [
  page('/supplies/stores', 'supplies-stores', () => import('@/views/supplies/stores/index.vue'),
    { titleKey: 'supplies.storesTitle', icon: 'Box', menu: true, order: 11, access: 'staff' }),
  page('/supplies/post', 'supplies-post', () => import('@/views/supplies/post/index.vue'),
    { titleKey: 'supplies.postTitle', icon: 'Edit', menu: true, order: 11.2, access: 'editors' }),
  page('/supplies/distributions', 'supplies-distributions', () => import('@/views/supplies/distributions/index.vue'),
    { titleKey: 'supplies.distributionsTitle', icon: 'Present', menu: true, order: 11.4, access: 'staff' }),
  page('/supplies/distributions/:id', 'supplies-distribution', () => import('@/views/supplies/distribution/index.vue'),
    { titleKey: 'supplies.distributionTitle', access: 'staff' }),
  page('/supplies/items', 'supplies-items', () => import('@/views/supplies/items/index.vue'),
    { titleKey: 'supplies.itemsTitle', icon: 'List', menu: true, order: 11.6, access: 'readers' }),
  page('/supplies/mine', 'supplies-mine', () => import('@/views/supplies/mine/index.vue'),
    { titleKey: 'supplies.mineTitle', icon: 'Present', menu: true, order: 4, needsPerson: true }),
  page('/supplies/receive/:id', 'supplies-receive', () => import('@/views/supplies/receive/index.vue'),
    { titleKey: 'supplies.receiveTitle' }),
]
