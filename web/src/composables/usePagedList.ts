// A paged list: rows, total, page and loading state around one fetch function, with the
// error shown in the user's language. `onPage` sees each answer (extra fields such as
// unread counts). The page resets to 1 on search().
import { ref, type Ref } from 'vue'
import type { Paged } from '@/api/types'
import { showLoadError } from '@/utils/errors'

export function usePagedList<T, R extends Paged<T> = Paged<T>>(
  fetch: (page: number, pageSize: number) => Promise<R>,
  options: { pageSize?: number; onPage?: (res: R) => void } = {},
) {
  const rows = ref([]) as Ref<T[]>
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(options.pageSize ?? 50)
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const res = await fetch(page.value, pageSize.value)
      rows.value = res.items
      total.value = res.total
      options.onPage?.(res)
    } catch (e) {
      showLoadError(e)
    } finally {
      loading.value = false
    }
  }
  function search() {
    page.value = 1
    return load()
  }
  return { rows, total, page, pageSize, loading, load, search }
}
