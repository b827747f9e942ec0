// The menu shows each role only the pages it may use (the server enforces the same).
import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import home from '@/router/routes/modules/home'
import people from '@/router/routes/modules/people'
import units from '@/router/routes/modules/units'
import admin from '@/router/routes/modules/admin'
import health from '@/router/routes/modules/health'
import { allowed, menuFor } from '@/router/menu'
import type { Role, RoleSet } from '@/api/types'

const routes: RouteRecordRaw[] = [...home, ...people, ...units, ...admin, ...health]
// The sets /auth/me publishes for each role (core/roles.hpp; the browser tests read the real ones).
const setsOf: Record<Role, RoleSet[]> = {
  admin: ['admins', 'managers', 'editors', 'staff', 'readers', 'incident_readers', 'everyone'],
  office: ['managers', 'editors', 'staff', 'readers', 'incident_readers', 'everyone'],
  department: ['editors', 'staff', 'readers', 'incident_readers', 'everyone'],
  leader: ['staff', 'readers', 'incident_readers', 'everyone'],
  volunteer: ['readers', 'everyone'],
  foreign_staff: ['incident_readers', 'own_record', 'everyone'],
}
const names = (role: Role, hasPerson = false) =>
  menuFor(routes, role ? setsOf[role] : null, hasPerson).map((r) => r.name)

describe('menu by role', () => {
  it('admins see everything but the foreign staff page', () => {
    expect(names('admin')).toEqual(['home', 'health-today', 'health-plans', 'people', 'units', 'users', 'audit'])
  })
  it('office, department and leaders see health, people and units', () => {
    for (const role of ['office', 'department', 'leader'] as Role[]) {
      expect(names(role)).toEqual(['home', 'health-today', 'health-plans', 'people', 'units'])
    }
    expect(names('volunteer')).toEqual(['home', 'people', 'units'])
  })
  it('anyone linked to a person record gets the check-in page', () => {
    expect(names('volunteer', true)).toEqual(['home', 'checkin', 'people', 'units'])
  })
  it('foreign staff see only their own record', () => {
    expect(names('foreign_staff', true)).toEqual(['home', 'checkin', 'me'])
    expect(allowed(people[0], setsOf.foreign_staff)).toBe(false)
  })
  it('nobody without a session', () => {
    expect(names(null as unknown as Role)).toEqual([])
  })
})
