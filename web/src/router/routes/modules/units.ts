import { page } from '../page'

export default [
  page('/units', 'units', () => import('@/views/units/tree/index.vue'),
    { titleKey: 'common.menu.units', icon: 'OfficeBuilding', menu: true, order: 20, access: 'readers' }),
]
