// Shows an API error to the user; returns field messages for forms. A page whose data
// cannot load says why in place (pageLoadError, shown by the layout) instead of going blank.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/request'

export const pageLoadError = ref('')
export function showLoadError(e: unknown) {
  pageLoadError.value = e instanceof ApiError ? e.message : String(e)
}

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
