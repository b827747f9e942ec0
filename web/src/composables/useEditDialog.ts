// The create-or-edit dialog of a list page: the item being edited (null: a new one), the
// form's values, the field errors of the last save (in the user's language), and submit(),
// which creates or updates, tells the user, closes the dialog and reloads the list.
import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { showError } from '@/utils/errors'

export interface EditDialogCalls<F> {
  create: (body: F) => Promise<unknown>
  update: (id: number, body: F) => Promise<unknown>
  reload: () => unknown
}

export function useEditDialog<T extends { id: number }, F extends object>(form: F, calls: EditDialogCalls<F>) {
  const { t } = useI18n()
  const open = ref(false)
  const editing = ref(null) as Ref<T | null>
  const errors = ref<Record<string, string>>({})

  function show(item: T | null, values: F) {
    editing.value = item
    errors.value = {}
    Object.assign(form, values)
    open.value = true
  }

  async function submit(body: F = { ...form }) {
    try {
      if (editing.value) await calls.update(editing.value.id, body)
      else await calls.create(body)
      ElMessage.success(t('common.status.saved'))
      open.value = false
      calls.reload()
    } catch (e) {
      errors.value = showError(e)
    }
  }

  return { open, editing, errors, show, submit }
}
