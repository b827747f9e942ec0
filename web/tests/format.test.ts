// Quantities with their units, as each language writes them.
import { describe, expect, it } from 'vitest'
import { qty, unitWord } from '@/utils/format'

describe('qty', () => {
  it('makes English units plural except for exactly one, and leaves abbreviations and Chinese alone', () => {
    expect(qty(1, 'piece', 'en')).toBe('1 piece')
    expect(qty(200, 'piece', 'en')).toBe('200 pieces')
    expect(qty(1.5, 'box', 'en')).toBe('1.5 boxes')
    expect(qty(2, 'battery', 'en')).toBe('2 batteries')
    expect(qty(0, 'barrel', 'en')).toBe('0 barrels')
    expect(qty(1.8, 'L', 'en')).toBe('1.8 L')
    expect(qty(5, 'kg', 'en')).toBe('5 kg')
    expect(qty(5, 'pcs', 'en')).toBe('5 pcs')
    expect(qty(50, '只', 'zh-CN')).toBe('50 只')
    expect(unitWord('piece', 3, 'zh-CN')).toBe('piece')
  })
})
