// The unread-notice count shown on the bell, refreshed every minute and after reading.
import { defineStore } from 'pinia'
import { unreadCount } from '@/api/notices'

export const useNotices = defineStore('notices', {
  state: () => ({ unread: 0, timer: 0 as number }),
  actions: {
    async refresh() {
      try {
        this.unread = (await unreadCount()).unread
      } catch {
        // offline or logged out: keep the last figure
      }
    },
    start() {
      if (this.timer) return
      this.refresh()
      this.timer = window.setInterval(() => this.refresh(), 60_000)
    },
    stop() {
      window.clearInterval(this.timer)
      this.timer = 0
      this.unread = 0
    },
  },
})
