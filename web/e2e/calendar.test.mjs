// A volunteer's duty shifts in her calendar: 吴倩 (the demo volunteer) signs up for a shift,
// asks for her calendar address, and a real iCalendar parser (ical.js) reads the feed: one
// event per shift, at the shift's time in the office's time zone (Asia/Shanghai), named
// after the post. Revoked, the address answers 404.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import ICAL from 'ical.js'
import { api, apiLogin, startServer } from './harness.mjs'

let server
before(async () => { server = await startServer() })
after(async () => { await server?.stop() })

describe('the calendar feed', () => {
  it('lists her shifts in Asia/Shanghai for a real iCalendar parser', async () => {
    const auth = await apiLogin(server.base, 'volunteer')
    const { body: me } = await api(server.base, auth, 'GET', '/api/v1/auth/me')
    const personId = me.person_id ?? me.user?.person_id
    assert.ok(personId, 'the demo volunteer is linked to her person record')
    // Two days from now, an open shift needing no skill.
    const day = new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10)
    const { body: roster } = await api(server.base, auth, 'GET', `/api/v1/community/shifts?from=${day}`)
    const shift = roster.items.find((s) => s.open > 0 && !s.skill && s.day === day)
    assert.ok(shift, 'an open shift')
    const signed = await api(server.base, auth, 'POST', `/api/v1/community/shifts/${shift.id}/signups`, {})
    assert.equal(signed.status, 201, JSON.stringify(signed.body))
    const feed = await api(server.base, auth, 'POST', `/api/v1/community/volunteers/${personId}/calendar`, {})
    assert.equal(feed.status, 201)

    const res = await fetch(server.base + feed.body.path)  // no login: the address is the secret
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type'), /^text\/calendar/)
    const cal = new ICAL.Component(ICAL.parse(await res.text()))
    const zone = cal.getFirstSubcomponent('vtimezone')
    assert.equal(zone.getFirstPropertyValue('tzid'), 'Asia/Shanghai')
    ICAL.TimezoneService.register(zone)
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    const event = events.find((e) => e.uid === `shift-${shift.id}@tongxin`)
    assert.ok(event, 'the shift is in the feed')
    assert.match(event.summary, new RegExp(shift.post))
    assert.equal(event.component.getFirstProperty('dtstart').getParameter('tzid'), 'Asia/Shanghai')
    assert.equal(event.startDate.zone.tzid, 'Asia/Shanghai')
    const pad = (n) => String(n).padStart(2, '0')
    const local = (t) => `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`
    assert.equal(local(event.startDate), `${shift.day} ${shift.start}`)
    // The same instant as the server's UTC time.
    assert.equal(event.startDate.toJSDate().toISOString().replace('.000', ''), shift.starts_at)

    const revoked = await api(server.base, auth, 'DELETE', `/api/v1/community/volunteers/${personId}/calendar`)
    assert.equal(revoked.status, 204)
    assert.equal((await fetch(server.base + feed.body.path)).status, 404)
  })
})
