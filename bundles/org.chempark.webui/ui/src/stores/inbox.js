import { defineStore } from 'pinia'
import { api } from '../api/http'

const POLL_MS = 30000
let timer = null

/**
 * Unread in-app messages (站内消息) of the notify module for the header's bell: asked every 30 s
 * while the module is installed, and again after the inbox page marks a message read.
 */
export const useInbox = defineStore('inbox', {
  state: () => ({ unread: 0 }),
  actions: {
    async refresh() {
      try {
        const page = await api.get('/notify/inbox', { unread: true, size: 1 })
        this.unread = page?.total ?? 0
      } catch {
        this.unread = 0 // module gone or platform away: no bell count (the page itself shows the problem)
      }
    },
    start() {
      if (timer) return
      this.refresh()
      timer = setInterval(() => this.refresh(), POLL_MS)
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
      this.unread = 0
    }
  }
})
