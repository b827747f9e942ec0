// One user action that may fail (save, export, send again): a busy flag for its button,
// the error shown in the user's language, and the field errors of the last failure for the
// form around it. run() resolves to whether it succeeded.
import { ref } from 'vue'
import { showError } from '@/utils/errors'

export function useAction() {
  const busy = ref(false)
  const errors = ref<Record<string, string>>({})
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    errors.value = {}
    try {
      await action()
      return true
    } catch (e) {
      errors.value = showError(e)
      return false
    } finally {
      busy.value = false
    }
  }
  return { busy, errors, run }
}
