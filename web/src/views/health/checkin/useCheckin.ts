// The check-in page's state: my slots, the slot to report now, the form (a draft kept
// across a language switch, which remounts the page), re-checks asked of me, my history.
import { computed, reactive, ref } from 'vue'
import { mySlots, personCheckins, submitCheckin, type Alert, type Checkin, type CheckinInput, type MySlot, type PersonHistory } from '@/api/health'
import { ApiError } from '@/api/request'
import { useSession } from '@/stores/session'
import { showError, showLoadError } from '@/utils/errors'
import { when } from '@/utils/format'

// A time in the office's zone, as the reader's language writes it.
export function localTime(iso: string, withDay = false): string {
  return when(iso, withDay ? 'datetime' : 'time')
}

function emptyDraft(): CheckinInput {
  // No temperature: the person types or steps to their own reading.
  return { temperature: undefined, method: 'armpit', symptoms: [], symptom_other: '', location: 'campus',
    location_country: '', contact: 'none', remarks: '' }
}

// Module state: outlives the page component.
const draft = reactive<CheckinInput>(emptyDraft())
const draftFor = ref('')  // "day|slot" the draft belongs to
const touched = ref(false)

export function useCheckin() {
  const session = useSession()
  const slots = ref<MySlot[]>([])
  const today = ref('')
  const loading = ref(true)
  const noPerson = ref(false)
  const saving = ref(false)
  const result = ref<Checkin | null>(null)
  const errors = ref<Record<string, string>>({})
  const rechecksDue = ref<Alert[]>([])
  const history = ref<PersonHistory | null>(null)

  const current = computed(() => slots.value.find((s) => s.state === 'open') ?? slots.value.find((s) => s.state === 'late_open'))
  const next = computed(() => slots.value.find((s) => s.state === 'upcoming'))
  const todays = computed(() => slots.value.filter((s) => s.day === today.value))
  const reportOf = (day: string, slot: number) => history.value?.items.find((c) => c.day === day && c.slot === slot)
  const currentReport = computed(() => (current.value ? reportOf(current.value.day, current.value.slot) : undefined))
  // The last temperature reported: a hint, never a value.
  const lastTemperature = computed(() => history.value?.items.at(-1)?.temperature)

  function fillFrom(c: Checkin) {
    Object.assign(draft, { temperature: c.temperature, method: c.method, symptoms: [...c.symptoms],
      symptom_other: c.symptom_other ?? '', location: c.location, location_country: c.location_country ?? '',
      contact: c.contact, remarks: c.remarks ?? '' })
  }

  async function load() {
    loading.value = true
    try {
      const res = await mySlots()
      slots.value = res.items
      today.value = res.today
      rechecksDue.value = res.rechecks_due
      const personId = session.user?.person_id
      if (personId) history.value = await personCheckins(personId)
      const key = current.value ? `${current.value.day}|${current.value.slot}` : ''
      if (key !== draftFor.value) {
        // A new slot: a fresh form, or the report already made for it.
        Object.assign(draft, emptyDraft())
        touched.value = false
        draftFor.value = key
      }
      if (!touched.value && currentReport.value) fillFrom(currentReport.value)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'health.no_person') noPerson.value = true
      else showLoadError(e)
    } finally {
      loading.value = false
    }
  }

  async function submit() {
    saving.value = true
    errors.value = {}
    try {
      const body: CheckinInput = { ...draft }
      if (body.location !== 'abroad') delete body.location_country
      if (!body.symptoms.includes('other')) delete body.symptom_other
      result.value = await submitCheckin(body)
      touched.value = false
      await load()
    } catch (e) {
      errors.value = showError(e)
    } finally {
      saving.value = false
    }
  }

  return { slots, today, loading, noPerson, saving, result, errors, form: draft, touched, current, next, todays,
    currentReport, lastTemperature, rechecksDue, history, load, submit }
}
