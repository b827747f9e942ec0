// Volunteers deployed to communities (下沉), their deployments and temporary groups.
import { del, get, patch, post, type Query } from './request'
import type { Paged } from './types'

export const SKILLS = ['medical', 'driving', 'languages', 'data_entry', 'counselling', 'logistics'] as const
export type Skill = (typeof SKILLS)[number]
export const GROUP_KINDS = ['party_branch', 'work_group'] as const
export type GroupKind = (typeof GROUP_KINDS)[number]

export interface Volunteer {
  person_id: number
  name: string
  name_zh: string
  name_latin: string
  phone: string
  unit_id: number
  unit: string
  skills: Skill[]
  spoken_languages: string
  availability: string
  notes: string
  community_id: number | null
  community: string
  deployed_since: string
}
export interface Deployment {
  id: number
  person_id: number
  name: string
  community_id: number
  community: string
  starts_on: string
  ends_on: string
  reports_to: string
  duty: string
}
export interface Group {
  id: number
  community_id: number
  community: string
  kind: GroupKind
  name: string
  duties: string
  chat_group: string
  members: number
}
export interface GroupMember { person_id: number; name: string; phone: string; leader: boolean; skills: Skill[]; joined_at: string }
export interface VolunteerDetail extends Volunteer { deployments: Deployment[]; groups: Group[] }
export interface GroupDetail extends Group { member_list: GroupMember[] }
export interface VolunteerInput { person_id?: number; skills?: Skill[]; spoken_languages?: string; availability?: string; notes?: string }
export interface DeploymentInput { community_id?: number; starts_on?: string; ends_on?: string; reports_to?: string; duty?: string }
export interface GroupInput { community_id?: number; kind?: GroupKind; name?: string; duties?: string; chat_group?: string }
export interface VolunteerQuery extends Query { community_id?: number; skill?: string; q?: string; page?: number; page_size?: number }

export const listVolunteers = (q: VolunteerQuery) => get<Paged<Volunteer>>('/api/v1/community/volunteers', q)
export const getVolunteer = (id: number) => get<VolunteerDetail>(`/api/v1/community/volunteers/${id}`)
export const createVolunteer = (body: VolunteerInput) => post<VolunteerDetail>('/api/v1/community/volunteers', body)
export const updateVolunteer = (id: number, body: VolunteerInput) => patch<VolunteerDetail>(`/api/v1/community/volunteers/${id}`, body)
export const deploy = (id: number, body: DeploymentInput) => post<VolunteerDetail>(`/api/v1/community/volunteers/${id}/deployments`, body)
export const updateDeployment = (id: number, body: DeploymentInput) => patch<VolunteerDetail>(`/api/v1/community/deployments/${id}`, body)
export const removeDeployment = (id: number) => del<void>(`/api/v1/community/deployments/${id}`)
export const listGroups = (communityId?: number) => get<{ items: Group[] }>('/api/v1/community/groups', { community_id: communityId })
export const getGroup = (id: number) => get<GroupDetail>(`/api/v1/community/groups/${id}`)
export const createGroup = (body: GroupInput) => post<GroupDetail>('/api/v1/community/groups', body)
export const updateGroup = (id: number, body: GroupInput) => patch<GroupDetail>(`/api/v1/community/groups/${id}`, body)
export const putMember = (id: number, body: { person_id: number; leader?: boolean }) =>
  post<GroupDetail>(`/api/v1/community/groups/${id}/members`, body)
export const removeMember = (id: number, personId: number) => del<GroupDetail>(`/api/v1/community/groups/${id}/members/${personId}`)
export const listCommunities = () => get<{ items: { id: number; name: string }[] }>('/api/v1/community/communities')

// Duty shifts (值班): posts, a week's roster, sign-ups and the calendar feed.
export const POST_KINDS = ['gate', 'entrance', 'distribution', 'other'] as const
export type PostKind = (typeof POST_KINDS)[number]
export interface DutyPost { id: number; community_id: number; community: string; group_id: number | null; group: string; kind: PostKind; name: string; location: string }
export interface Shift {
  id: number
  post_id: number
  post: string
  post_kind: PostKind
  community_id: number
  starts_at: string
  ends_at: string
  day: string
  start: string
  end: string
  capacity: number
  taken: number
  open: number
  skill: Skill | ''
  notes: string
  mine: boolean
  unfilled?: boolean
  people?: { person_id: number; name: string }[]
}
export interface ShiftsInput { from: string; to?: string; times: { start: string; end: string }[]; capacity?: number; skill?: string; notes?: string }
export const listPosts = (communityId?: number) => get<{ items: DutyPost[] }>('/api/v1/community/posts', { community_id: communityId })
export const createPost = (body: { community_id?: number; kind: PostKind; name: string; location?: string; group_id?: number }) =>
  post<DutyPost>('/api/v1/community/posts', body)
export const addShifts = (postId: number, body: ShiftsInput) =>
  post<{ created: number; existing: number }>(`/api/v1/community/posts/${postId}/shifts`, body)
export const listShifts = (q: { from?: string; post_id?: number; community_id?: number }) =>
  get<{ from: string; to: string; items: Shift[] }>('/api/v1/community/shifts', q)
export const myShifts = () => get<{ items: Shift[] }>('/api/v1/community/shifts/mine')
export const deleteShift = (id: number) => del<void>(`/api/v1/community/shifts/${id}`)
export const signUp = (id: number, personId?: number) =>
  post<Shift>(`/api/v1/community/shifts/${id}/signups`, personId ? { person_id: personId } : {})
export const cancelSignup = (id: number, personId: number) => del<void>(`/api/v1/community/shifts/${id}/signups/${personId}`)
export const newCalendar = (personId: number) => post<{ path: string }>(`/api/v1/community/volunteers/${personId}/calendar`, {})
export const revokeCalendar = (personId: number) => del<void>(`/api/v1/community/volunteers/${personId}/calendar`)
