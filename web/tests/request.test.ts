// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ApiError, buildUrl, fileNameFrom, parseError } from '@/api/request'

describe('request helpers', () => {
  it('builds query strings without empty values', () => {
    expect(buildUrl('/api/v1/people', { q: '王 芳', page: 2, unit_id: undefined, category: '' })).toBe(
      '/api/v1/people?q=%E7%8E%8B+%E8%8A%B3&page=2',
    )
    expect(buildUrl('/api/v1/people')).toBe('/api/v1/people')
  })

  it('turns error bodies into ApiError with fields', async () => {
    const body = {
      error: {
        code: 'validation.failed',
        message: '输入有误',
        details: { field: 'email', fields: [{ field: 'email', code: 'validation.invalid_email', message: '邮箱 不是有效的邮箱地址' }] },
      },
    }
    const err = await parseError(new Response(JSON.stringify(body), { status: 400 }))
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(400)
    expect(err.code).toBe('validation.failed')
    expect(err.fields[0].field).toBe('email')
    const plain = await parseError(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }))
    expect(plain.code).toBe('http.502')
  })

  it('reads download names, UTF-8 first', () => {
    expect(fileNameFrom(`attachment; filename="people-2026.xlsx"; filename*=UTF-8''%E4%BA%BA%E5%91%98.xlsx`)).toBe('人员.xlsx')
    expect(fileNameFrom('attachment; filename="audit.csv"')).toBe('audit.csv')
    expect(fileNameFrom('')).toBe('')
  })
})
