// One user action that may fail (save, export, send again): a busy flag for its button and
// the error shown in the user's language. run() resolves to whether it succeeded.
import { ref } from 'vue'
import { showError } from '@/utils/errors'

export function useAction() {
  const busy = ref(false)
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    try {
      await action()
      return true
    } catch (e) {
      showError(e)
      return false
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
