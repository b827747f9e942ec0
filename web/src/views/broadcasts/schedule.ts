// How a broadcast's schedule reads: "Every day at 08:00", "Once, at …", "Sent by hand only".
import type { Broadcast } from '@/api/broadcasts'
import { when } from '@/utils/format'

type T = (key: string, values?: Record<string, unknown>) => string

export function scheduleText(b: Pick<Broadcast, 'schedule' | 'send_time' | 'send_at'>, t: T): string {
  if (b.schedule === 'daily') return t('broadcasts.dailyAt', { time: b.send_time })
  if (b.schedule === 'once') return t('broadcasts.onceAt', { at: when(b.send_at) })
  return t('broadcasts.byHand')
}
