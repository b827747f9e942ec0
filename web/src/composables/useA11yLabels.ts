// Labels Element Plus gives no prop for: the page-size select and the page jumper of every
// pagination. Watches the document, so pages need do nothing.
import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useI18n } from 'vue-i18n'

export function useA11yLabels() {
  const { t, locale } = useI18n()
  let observer: MutationObserver | null = null
  let pending = 0
  // At most once a frame, however many nodes a render changed.
  const soon = () => {
    if (!pending) pending = requestAnimationFrame(() => { pending = 0; label() })
  }
  const label = () => {
    for (const el of document.querySelectorAll<HTMLInputElement>('.el-pagination__sizes input')) {
      el.setAttribute('aria-label', t('common.pageSize'))
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('.el-pagination__jump input')) {
      el.setAttribute('aria-label', t('common.goToPage'))
    }
  }
  onMounted(() => {
    label()
    observer = new MutationObserver(soon)
    observer.observe(document.body, { childList: true, subtree: true })
  })
  watch(locale, label)
  onBeforeUnmount(() => {
    observer?.disconnect()
    cancelAnimationFrame(pending)
  })
}
