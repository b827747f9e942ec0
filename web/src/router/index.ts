// Routes come from routes/modules/*.ts (found by import.meta.glob); the guard sends
// visitors to the login page and keeps each role to the pages it may use.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from '@/stores/session'
import { allowed } from './menu'

const modules = import.meta.glob<{ default: RouteRecordRaw[] }>('./routes/modules/*.ts', { eager: true })
export const appRoutes: RouteRecordRaw[] = Object.values(modules).flatMap((m) => m.default)

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('@/views/auth/login/index.vue'),
      meta: { titleKey: 'auth.title', public: true },
    },
    // The public notices: no login, no app around them.
    {
      path: '/public/announcements/:id?',
      name: 'public-announcements',
      component: () => import('@/views/announcements/public/index.vue'),
      meta: { titleKey: 'announcements.publicTitle', public: true },
    },
    {
      path: '/',
      component: () => import('@/layouts/BasicLayout.vue'),
      children: [
        ...appRoutes,
        { path: '/forbidden', name: 'forbidden', component: () => import('@/views/status/index.vue'), meta: { titleKey: 'common.forbiddenTitle' } },
        { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/status/index.vue'), meta: { titleKey: 'common.notFoundTitle' } },
      ],
    },
  ],
})

router.beforeEach(async (to) => {
  const session = useSession()
  if (!session.checked) await session.restore()
  if (to.meta.public) return session.loggedIn && to.name === 'login' ? { path: '/' } : true
  if (!session.loggedIn) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  // A page the role may not open says so (the server refuses its data anyway).
  if (!allowed(to, session.roleSets)) return { name: 'forbidden', query: { from: to.fullPath } }
  return true
})
