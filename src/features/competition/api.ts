import type { ActionInput } from '../../../types'
import { call } from '../../services/api'

/** The competition area's operations, one line each: the transport lives in services/api. */
export const listCompetitions = () => call('competition.list', {})
export const getCompetition = (id: string) => call('competition.get', { id })
export const myTeams = () => call('competition.myTeams', {})
export const getTeam = (teamId: string) => call('competition.team', { teamId })
export const myCompetitionRecord = () => call('competition.myRecord', {})
export const createTeam = (input: ActionInput<'competition.createTeam'>, requestId: string) => call('competition.createTeam', input, { requestId })
export const previewInvite = (code: string) => call('competition.previewInvite', { code })
export const teamInviteImage = (teamId: string) => call('competition.inviteImage', { teamId })
export const joinTeam = (code: string) => call('competition.joinTeam', { code })
export const confirmTeam = (teamId: string) => call('competition.confirm', { teamId })
export const removeTeamMember = (teamId: string, openid: string) => call('competition.removeMember', { teamId, openid })
export const reorderTeam = (teamId: string, openids: string[]) => call('competition.reorder', { teamId, openids })
export const setTeamLeader = (teamId: string, openid: string) => call('competition.setLeader', { teamId, openid })
export const addAdvisor = (input: ActionInput<'competition.addAdvisor'>) => call('competition.addAdvisor', input)
export const removeAdvisor = (teamId: string, advisorId: string) => call('competition.removeAdvisor', { teamId, advisorId })
export const updateTeam = (input: ActionInput<'competition.updateTeam'>) => call('competition.updateTeam', input)
export const signChecklist = (teamId: string) => call('competition.sign', { teamId, agreed: true })
export const submitVersion = (input: ActionInput<'competition.submit'>, requestId: string) => call('competition.submit', input, { requestId })

// Judges (external: signed in, bound by their invite code).
export const redeemJudge = (code: string) => call('competition.redeemJudge', { code })
export const judgeProjects = (judgeId: string) => call('competition.judgeProjects', { judgeId })
export const scoreProject = (input: ActionInput<'competition.score'>) => call('competition.score', input)

// Staff.
export const staffTeams = (id: string, state?: ActionInput<'competition.teams'>['state']) => call('competition.teams', state ? { id, state } : { id })
export const freezeTeam = (teamId: string) => call('competition.freeze', { teamId })
export const staffJudges = (id: string) => call('competition.judges', { id })
export const addJudge = (input: ActionInput<'competition.addJudge'>) => call('competition.addJudge', input)
export const assignJudges = (id: string) => call('competition.assign', { id })
export const competitionResults = (id: string) => call('competition.results', { id })
export const shortlist = (id: string, method: 'raw' | 'normalised' | 'robust') => call('competition.shortlist', { id, method })
export const giveAward = (teamId: string, award: string, requestId: string) => call('competition.award', { teamId, award }, { requestId })
export const refuseSubmission = (teamId: string, reason: string, requestId: string) => call('competition.refuseSubmission', { teamId, reason }, { requestId })
export const talentLeads = (id: string) => call('competition.talent', { id })

// Staff: the competition itself, and a team whose leader deleted their account.
export const saveCompetition = (input: ActionInput<'competition.save'>) => call('competition.save', input)
/** The teams an edit's rules would break, before saving it. */
export const checkRules = (input: ActionInput<'competition.checkRules'>) => call('competition.checkRules', input)
export const handOverTeam = (teamId: string, openid: string) => call('competition.handOver', { teamId, openid })
export const withdrawTeam = (teamId: string) => call('competition.withdraw', { teamId })
export const certificate = (teamId: string) => call('competition.certificate', { teamId })

// Staff: results in 公示 (shown to anyone on the honours 公示 page) and objections to them.
export const publishResults = (input: ActionInput<'competition.publishResults'>, requestId: string) => call('competition.publishResults', input, { requestId })
export const resultObjections = (id: string) => call('competition.resultObjections', { id })
export const resolveResultObjection = (input: ActionInput<'competition.resolveResultObjection'>, requestId: string) =>
  call('competition.resolveResultObjection', input, { requestId })
