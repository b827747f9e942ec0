// Text is kept as typed (never cut at the limit, which is shown and flagged), and country
// fields search ISO names in either language.
import { describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'
import TextInput from '@/components/TextInput.vue'
import { countryMatches, countryName } from '@/utils/countries'

describe('TextInput', () => {
  it('keeps text over the limit and says it is too long', async () => {
    const w: VueWrapper = mount(TextInput, {
      props: { modelValue: '', limit: 5, 'onUpdate:modelValue': (v: string | null | undefined): Promise<void> => w.setProps({ modelValue: v }) },
      global: { plugins: [ElementPlus, i18n] },
    })
    const input = w.find('input')
    expect(input.attributes('maxlength')).toBeUndefined()
    await input.setValue('Switzerland')
    expect((w.props() as { modelValue?: string }).modelValue).toBe('Switzerland')
    expect(w.find('[data-test=text-limit]').text()).toContain('11 / 5')
    expect(w.classes()).toContain('over')
    await input.setValue('张伟')
    expect(w.find('[data-test=text-limit]').text()).toBe('2 / 5')
    expect(w.classes()).not.toContain('over')
  })
})

describe('countries', () => {
  it('names countries in both languages and finds them by either, or by code', () => {
    expect(countryName('CH', 'en')).toBe('Switzerland')
    expect(countryName('CH', 'zh-CN')).toBe('瑞士')
    expect(countryMatches('CN', 'China')).toBe(true)
    expect(countryMatches('CH', 'China')).toBe(false)
    expect(countryMatches('CH', '瑞士')).toBe(true)
    expect(countryMatches('GB', 'gb')).toBe(true)
  })
})
