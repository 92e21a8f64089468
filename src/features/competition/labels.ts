import { COMPETITION_KINDS, type CompetitionStatus, type TeamState } from '../../../types'

export const kindName = (id: string) => COMPETITION_KINDS.find((k) => k.id === id)?.name ?? id

export const STATUS_NAMES: Record<CompetitionStatus, string> = { draft: '草稿', open: '报名中', judging: '评审中', results: '已出结果' }

export const TEAM_STATE_NAMES: Record<TeamState, string> = {
  forming: '组队中',
  ready: '可提交',
  submitted: '已提交',
  shortlisted: '已晋级',
  withdrawn: '已撤销',
}

/** `2026-12-20T00:00:00.000+08:00` → `2026-12-20 00:00`. */
export const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ')

export const COMPETITION_PAGES = {
  list: '/packages/competition/pages/list/index',
  detail: (id: string) => `/packages/competition/pages/detail/index?id=${id}`,
  team: (id: string) => `/packages/competition/pages/team/index?id=${id}`,
  judge: '/packages/competition/pages/judge/index',
  /** A judge's invite link: the judge page with their code filled in. */
  judgeInvite: (code: string) => `/packages/competition/pages/judge/index?code=${code}`,
  staff: '/packages/competition/pages/staff/index',
  /** Staff: a new competition, or `id` to edit. */
  edit: (id?: string) => `/packages/competition/pages/edit/index${id ? `?id=${id}` : ''}`,
}
