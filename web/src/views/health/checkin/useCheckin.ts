// The check-in page's state: my slots, the slot to report now, the form and submitting.
import { computed, reactive, ref } from 'vue'
import { mySlots, submitCheckin, type Checkin, type CheckinInput, type MySlot } from '@/api/health'
import { ApiError } from '@/api/request'
import { showError } from '@/utils/errors'

export function localTime(iso: string, withDay = false): string {
  const d = new Date(iso)
  const hm = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false })
  return withDay ? `${d.toLocaleDateString()} ${hm}` : hm
}

export function useCheckin() {
  const slots = ref<MySlot[]>([])
  const today = ref('')
  const loading = ref(true)
  const noPerson = ref(false)
  const saving = ref(false)
  const result = ref<Checkin | null>(null)
  const errors = ref<Record<string, string>>({})
  const form = reactive<CheckinInput>({
    temperature: 36.5, method: 'armpit', symptoms: [], symptom_other: '', location: 'campus',
    location_country: '', contact: 'none', remarks: '',
  })

  const current = computed(() => slots.value.find((s) => s.state === 'open') ?? slots.value.find((s) => s.state === 'late_open'))
  const next = computed(() => slots.value.find((s) => s.state === 'upcoming'))
  const todays = computed(() => slots.value.filter((s) => s.day === today.value))

  async function load() {
    loading.value = true
    try {
      const res = await mySlots()
      slots.value = res.items
      today.value = res.today
    } catch (e) {
      if (e instanceof ApiError && e.code === 'health.no_person') noPerson.value = true
      else showError(e)
    } finally {
      loading.value = false
    }
  }

  async function submit() {
    saving.value = true
    errors.value = {}
    try {
      const body: CheckinInput = { ...form }
      if (body.location !== 'abroad') delete body.location_country
      if (!body.symptoms.includes('other')) delete body.symptom_other
      result.value = await submitCheckin(body)
      await load()
    } catch (e) {
      errors.value = showError(e)
    } finally {
      saving.value = false
    }
  }

  return { slots, today, loading, noPerson, saving, result, errors, form, current, next, todays, load, submit }
}
