// State and actions of the people list: filters, paging, loading, export with progress.
import { computed, reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { exportPeople, listPeople, type PeopleQuery } from '@/api/people'
import { listUnits } from '@/api/units'
import type { Person, Unit } from '@/api/types'
import { formatBytes, showError, showLoadError } from '@/utils/errors'

export function usePeopleList() {
  const { t } = useI18n()
  const filters = reactive<PeopleQuery>({ q: '', unit_id: undefined, category: '', status: 'active', nationality: '', sort: 'name', order: 'asc' })
  const page = ref(1)
  const pageSize = ref(20)
  const rows = ref<Person[]>([])
  const total = ref(0)
  const loading = ref(false)
  const units = ref<Unit[]>([])
  const exporting = ref('')

  const query = computed<PeopleQuery>(() => ({ ...filters, page: page.value, page_size: pageSize.value }))

  async function load() {
    loading.value = true
    try {
      const res = await listPeople(query.value)
      rows.value = res.items
      total.value = res.total
    } catch (e) {
      showLoadError(e)
    } finally {
      loading.value = false
    }
  }

  async function loadUnits() {
    try {
      units.value = (await listUnits()).items
    } catch (e) {
      showError(e)
    }
  }

  function search() {
    page.value = 1
    load()
  }

  function reset() {
    Object.assign(filters, { q: '', unit_id: undefined, category: '', status: 'active', nationality: '', sort: 'name', order: 'asc' })
    search()
  }

  async function exportAs(format: 'xlsx' | 'csv') {
    exporting.value = t('common.status.exporting', { size: '0 B' })
    try {
      const name = await exportPeople(filters, format, (n) => (exporting.value = t('common.status.exporting', { size: formatBytes(n) })))
      ElMessage.success(t('common.status.exported', { name }))
    } catch (e) {
      showError(e)
    } finally {
      exporting.value = ''
    }
  }

  return { filters, page, pageSize, rows, total, loading, units, exporting, load, loadUnits, search, reset, exportAs }
}
