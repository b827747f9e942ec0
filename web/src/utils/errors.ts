// Shows an API error to the user; returns field messages for forms.
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/request'

export function showError(e: unknown): Record<string, string> {
  const fieldErrors: Record<string, string> = {}
  if (e instanceof ApiError) {
    for (const f of e.fields) fieldErrors[f.field] = f.message
    ElMessage.error({ message: e.message, grouping: true })
  } else {
    ElMessage.error({ message: String(e), grouping: true })
  }
  return fieldErrors
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
