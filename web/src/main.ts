import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as Icons from '@element-plus/icons-vue'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from './locales'
import { router } from './router'
import { setRequestLanguage, setUnauthenticatedHandler } from './api/request'
import { useSession } from './stores/session'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router).use(ElementPlus)
for (const [name, comp] of Object.entries(Icons)) app.component(name, comp)
setRequestLanguage(i18n.global.locale.value)
setUnauthenticatedHandler(() => {
  const session = useSession(pinia)
  session.user = null
  if (router.currentRoute.value.name !== 'login') router.push({ name: 'login' })
})
app.mount('#app')
