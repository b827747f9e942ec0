// Session state: the signed-in user and the interface language.
import { defineStore } from 'pinia'
import * as authApi from '@/api/auth'
import { setRequestLanguage } from '@/api/request'
import type { Me, Role, RoleSet } from '@/api/types'
import { i18n, type Lang } from '@/locales'
import { setTimeZone } from '@/utils/format'

export const useSession = defineStore('session', {
  state: () => ({ user: null as Me | null, checked: false }),
  getters: {
    role: (s): Role | null => s.user?.role ?? null,
    loggedIn: (s) => s.user !== null,
    roleSets: (s): RoleSet[] => s.user?.role_sets ?? [],
  },
  actions: {
    // Whether the caller belongs to a role set the server names (see RoleSet).
    can(set: RoleSet): boolean {
      return this.user?.role_sets.includes(set) ?? false
    },
    applyLang(lang: Lang) {
      i18n.global.locale.value = lang
      setRequestLanguage(lang)
      localStorage.setItem('tongxin.lang', lang)
      document.documentElement.lang = lang
    },
    async restore() {
      try {
        this.user = await authApi.fetchMe()
        setTimeZone(this.user.time_zone)
        if (this.user.language === 'zh-CN' || this.user.language === 'en') this.applyLang(this.user.language)
      } catch {
        this.user = null
      } finally {
        this.checked = true
      }
    },
    async login(username: string, password: string) {
      this.user = await authApi.login(username, password, i18n.global.locale.value)
      setTimeZone(this.user.time_zone)
      this.checked = true
      if (this.user.language === 'zh-CN' || this.user.language === 'en') this.applyLang(this.user.language)
    },
    async logout() {
      await authApi.logout().catch(() => undefined)
      this.user = null
    },
    // Switches the language and remembers it for the user.
    async setLang(lang: Lang) {
      this.applyLang(lang)
      if (this.user) this.user = await authApi.saveLanguage(lang)
    },
  },
})
