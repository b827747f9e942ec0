import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Element Plus is imported per component (vite.config.ts); these are the parts used from
// scripts rather than templates.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { menuIcons } from './icons'
import App from './App.vue'
import { i18n } from './locales'
import { router } from './router'
import { setRequestLanguage, setUnauthenticatedHandler } from './api/request'
import { useSession } from './stores/session'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)
for (const [name, comp] of Object.entries(menuIcons)) app.component(name, comp)
setRequestLanguage(i18n.global.locale.value)
setUnauthenticatedHandler(() => {
  const session = useSession(pinia)
  session.user = null
  // Pages open without login (the login page, the public notices) stay where they are.
  if (!router.currentRoute.value.meta.public && !router.resolve(window.location.pathname).meta.public) router.push({ name: 'login' })
})
app.mount('#app')
