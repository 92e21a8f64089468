import * as z from 'zod'
import type { Member } from './member'
import type { MemberExport } from './member-export'
import { giveConsentInput, registerMemberInput, updateMemberInput } from './member'
import type {
  Activity,
  ActivityView,
  CheckInCode,
  GrowthRecord,
  MyActivity,
  Registration,
  RegistrationLine,
  SignUpResult,
} from './activity'
import {
  activityIdInput,
  activityListInput,
  activityRefInput,
  cancelActivityInput,
  checkInInput,
  createActivityInput,
  exportRegistrationsInput,
  markAttendanceInput,
  registrationsInput,
  signUpInput,
  updateActivityInput,
} from './activity'
import type { AuditEntry } from './audit'
import type { Demand, DemandView, Interest, Match, Policy, PolicyHit, PolicyView } from './policy'
import {
  createDemandInput,
  createPolicyInput,
  demandIdInput,
  demandListInput,
  demandPageInput,
  favoriteInput,
  policyIdInput,
  policySearchInput,
  registerInterestInput,
  updateDemandInput,
  updatePolicyInput,
} from './policy'
import { auditListInput } from './audit'
import type {
  ExportFile,
  ImportReport,
  Invite,
  JoinRequest,
  JoinRequestForReview,
  Station,
  StationMember,
  StationSummary,
  StationView,
} from './station'
import {
  appointHeadInput,
  cancelRequestInput,
  closeStationInput,
  createStationInput,
  exportMembersInput,
  pendingRequestsInput,
  removeHeadInput,
  removeMemberInput,
  requestJoinInput,
  reviewRequestInput,
  stationIdInput,
  stationListInput,
  pageInput,
  stationMembersInput,
  updateStationInput,
} from './station'
import type { FieldItem, TaxonomyList } from './taxonomy'
import type { InboxNotice, Notice, NoticeStats } from './notice'
import { noticeIdInput, noticeInboxInput, noticeListInput, previewNoticeInput, sendNoticeInput } from './notice'
import type { Page } from './envelope'
import { emptyInput, text } from './validation'
import { importDemandsInput, importPoliciesInput, importStationsInput } from './imports'
import type { DashboardOverview, DestinationRecord, FunnelView, MyDestinations, PipelineMembersPage } from './pipeline'
import {
  dashboardOverviewInput,
  pipelineExportInput,
  pipelineFunnelInput,
  pipelineMembersInput,
  reportDestinationInput,
  verifyDestinationInput,
} from './pipeline'
import type { BlindProject, Competition, CompetitionResults, Judge, MyCompetitionEntry, Score, TalentLead, TeamView } from './competition'
import {
  addJudgeInput,
  advisorInput,
  advisorRefInput,
  awardInput,
  competitionIdInput,
  createTeamInput,
  inviteCodeInput,
  memberRefInput,
  reorderInput,
  saveCompetitionInput,
  scoreInput,
  shortlistInput,
  signChecklistInput,
  submitInput,
  teamIdInput,
  teamsListInput,
  updateTeamInput,
} from './competition'

/**
 * The contract of the `api` function: per action, the payload schema (enforced by the router,
 * reused by forms) and the result type.
 */
export const saveFieldInput = z.object({
  id: z
    .string({ error: '领域编号应为文字' })
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,31}$/, '领域编号应为2到32位小写字母、数字、下划线或连字符，以字母开头')
    .optional(),
  name: text('领域名称', { max: 12 }),
  active: z.boolean({ error: '是否启用应为是或否' }).optional(),
  sort: z.int({ error: '排序应为整数' }).min(0, '排序不能小于0').max(999, '排序不能大于999').optional(),
})
export type SaveFieldInput = z.input<typeof saveFieldInput>

export const actionSchemas = {
  'system.ping': emptyInput,
  'taxonomy.list': emptyInput,
  'taxonomy.saveField': saveFieldInput,
  'taxonomy.fields': emptyInput,
  'member.register': registerMemberInput,
  'member.me': emptyInput,
  'member.update': updateMemberInput,
  'member.exportMine': emptyInput,
  'member.exportMineXlsx': emptyInput,
  'member.withdrawConsent': emptyInput,
  'member.giveConsent': giveConsentInput,
  'member.deleteMine': emptyInput,
  'station.list': stationListInput,
  'station.get': stationIdInput,
  'station.create': createStationInput,
  'station.update': updateStationInput,
  'station.close': closeStationInput,
  'station.appointHead': appointHeadInput,
  'station.removeHead': removeHeadInput,
  'station.import': importStationsInput,
  'station.requestJoin': requestJoinInput,
  'station.cancelRequest': cancelRequestInput,
  'station.leave': emptyInput,
  'station.myRequest': emptyInput,
  'station.pendingRequests': pendingRequestsInput,
  'station.reviewRequest': reviewRequestInput,
  'station.members': stationMembersInput,
  'station.removeMember': removeMemberInput,
  'station.exportMembers': exportMembersInput,
  'station.invite': stationIdInput,
  'audit.list': auditListInput,
  'activity.list': activityListInput,
  'activity.get': activityIdInput,
  'activity.create': createActivityInput,
  'activity.update': updateActivityInput,
  'activity.publish': activityIdInput,
  'activity.closeSignUp': activityIdInput,
  'activity.cancel': cancelActivityInput,
  'activity.copy': activityIdInput,
  'activity.signUp': signUpInput,
  'activity.cancelSignUp': activityRefInput,
  'activity.myRegistrations': z.object(pageInput),
  'activity.registrations': registrationsInput,
  'activity.exportRegistrations': exportRegistrationsInput,
  'activity.checkInCode': activityRefInput,
  'activity.checkIn': checkInInput,
  'activity.myCheckInCode': emptyInput,
  'activity.markAttendance': markAttendanceInput,
  'activity.growthRecord': emptyInput,
  'message.outbox': z.object(pageInput),
  'policy.search': policySearchInput,
  'policy.get': policyIdInput,
  'policy.create': createPolicyInput,
  'policy.update': updatePolicyInput,
  'policy.publish': policyIdInput,
  'policy.unpublish': policyIdInput,
  'policy.import': importPoliciesInput,
  'policy.matchMine': emptyInput,
  'policy.favorite': favoriteInput,
  'policy.myFavorites': z.object(pageInput),
  'demand.list': demandListInput,
  'demand.get': demandIdInput,
  'demand.create': createDemandInput,
  'demand.update': updateDemandInput,
  'demand.close': demandIdInput,
  'demand.import': importDemandsInput,
  'demand.registerInterest': registerInterestInput,
  'demand.withdrawInterest': demandIdInput,
  'demand.interests': demandPageInput,
  'demand.exportInterests': demandIdInput,
  'notice.preview': previewNoticeInput,
  'notice.send': sendNoticeInput,
  'notice.withdraw': noticeIdInput,
  'notice.list': noticeListInput,
  'notice.stats': noticeIdInput,
  'notice.inbox': noticeInboxInput,
  'notice.read': noticeIdInput,
  'notice.readAll': emptyInput,
  'notice.unreadCount': emptyInput,
  /** The member just authorised the notice subscribe message (requestSubscribeMessage on a tap). */
  'notice.subscribe': emptyInput,
  // The talent pipeline back home (issue 14).
  'destination.report': reportDestinationInput,
  'destination.mine': emptyInput,
  'destination.verify': verifyDestinationInput,
  'pipeline.funnel': pipelineFunnelInput,
  'pipeline.members': pipelineMembersInput,
  'pipeline.export': pipelineExportInput,
  'dashboard.overview': dashboardOverviewInput,
  // Competitions (issue 18).
  'competition.list': emptyInput,
  'competition.get': competitionIdInput,
  'competition.save': saveCompetitionInput,
  'competition.createTeam': createTeamInput,
  'competition.previewInvite': inviteCodeInput,
  'competition.inviteImage': teamIdInput,
  'competition.joinTeam': inviteCodeInput,
  'competition.confirm': teamIdInput,
  'competition.removeMember': memberRefInput,
  'competition.reorder': reorderInput,
  'competition.setLeader': memberRefInput,
  'competition.addAdvisor': advisorInput,
  'competition.removeAdvisor': advisorRefInput,
  'competition.updateTeam': updateTeamInput,
  'competition.sign': signChecklistInput,
  'competition.submit': submitInput,
  'competition.myTeams': emptyInput,
  'competition.team': teamIdInput,
  'competition.myRecord': emptyInput,
  'competition.teams': teamsListInput,
  'competition.freeze': teamIdInput,
  'competition.addJudge': addJudgeInput,
  'competition.judges': competitionIdInput,
  'competition.assign': competitionIdInput,
  'competition.redeemJudge': inviteCodeInput,
  'competition.judgeProjects': z.object({ judgeId: z.string({ error: '请填写评委' }).min(1, '请填写评委') }),
  'competition.score': scoreInput,
  'competition.results': competitionIdInput,
  'competition.shortlist': shortlistInput,
  'competition.award': awardInput,
  'competition.talent': competitionIdInput,
} as const

export interface ActionResults {
  'system.ping': { pong: true; time: string }
  'taxonomy.list': TaxonomyList
  'taxonomy.saveField': FieldItem
  /** Staff: every key industry field, retired ones included (to rename or bring back). */
  'taxonomy.fields': FieldItem[]
  'member.register': Member
  'member.me': Member | null
  'member.update': Member
  'member.exportMine': MemberExport
  /** The same data as a workbook: one sheet per kind, Chinese headers. */
  'member.exportMineXlsx': ExportFile
  /** Consent withdrawn; the record stays (see CONSENT_WITHDRAWAL_STATEMENT). */
  'member.withdrawConsent': Member
  'member.giveConsent': Member
  'member.deleteMine': { deleted: true }
  /** Staff get `StationSummary` items (with `pendingCount`); `suggested` is my university's station. */
  'station.list': Page<Station | StationSummary> & { suggested: Station | null }
  'station.get': StationView
  'station.create': Station
  'station.update': Station
  'station.close': Station
  'station.appointHead': Station
  'station.removeHead': Station
  'station.import': ImportReport
  'station.requestJoin': JoinRequest
  'station.cancelRequest': JoinRequest
  'station.leave': { left: true }
  /** My latest join request, whatever its state (so a rejection and its reason stay visible). */
  'station.myRequest': JoinRequest | null
  'station.pendingRequests': Page<JoinRequestForReview>
  'station.reviewRequest': JoinRequest
  'station.members': Page<StationMember>
  'station.removeMember': { removed: true }
  'station.exportMembers': ExportFile
  'station.invite': Invite
  'audit.list': Page<AuditEntry>
  'activity.list': Page<Activity>
  'activity.get': ActivityView
  'activity.create': Activity
  'activity.update': Activity
  'activity.publish': Activity
  'activity.closeSignUp': Activity
  'activity.cancel': Activity
  'activity.copy': Activity
  'activity.signUp': SignUpResult
  'activity.cancelSignUp': Registration
  'activity.myRegistrations': Page<MyActivity>
  'activity.registrations': Page<RegistrationLine>
  'activity.exportRegistrations': ExportFile
  'activity.checkInCode': CheckInCode
  'activity.checkIn': Registration
  /** My personal code (for staff or a helper to scan). */
  'activity.myCheckInCode': { code: string; qrImage: string }
  'activity.markAttendance': Registration
  'activity.growthRecord': GrowthRecord
  /** Subscribe messages pushed to me (local mode shows them as the outbox). */
  'message.outbox': Page<OutboxMessage>
  'policy.search': Page<PolicyHit>
  'policy.get': PolicyView
  'policy.create': Policy
  'policy.update': Policy
  'policy.publish': Policy
  'policy.unpublish': Policy
  /** Same file contract as station.import (`.xlsx` or UTF-8 CSV, a header row). */
  'policy.import': ImportReport
  'policy.matchMine': { policies: Match<PolicyHit>[]; demands: Match<Demand>[] }
  'policy.favorite': { favorited: boolean }
  'policy.myFavorites': Page<PolicyHit>
  'demand.list': Page<Demand>
  'demand.get': DemandView
  'demand.create': Demand
  'demand.update': Demand
  'demand.close': Demand
  'demand.import': ImportReport
  'demand.registerInterest': DemandView
  'demand.withdrawInterest': DemandView
  'demand.interests': Page<Interest>
  'demand.exportInterests': ExportFile
  'notice.preview': { recipients: number }
  'notice.send': Notice
  'notice.withdraw': Notice
  /** Staff: all (or `mine`); a head: the notices they sent. Newest first. */
  'notice.list': Page<Notice>
  'notice.stats': NoticeStats
  /** Newest first; only notices whose audience held me when they were sent. */
  'notice.inbox': Page<InboxNotice>
  /** Opens a notice of my inbox and marks it read. */
  'notice.read': InboxNotice
  'notice.readAll': { marked: number }
  'notice.unreadCount': { count: number }
  'notice.subscribe': { granted: true }
  /** A new record every time: the history is kept. */
  'destination.report': DestinationRecord
  'destination.mine': MyDestinations
  /** Staff: marks one record verified (with a note); the member's report itself is unchanged. */
  'destination.verify': DestinationRecord
  /** Staff: the whole alliance (or one station); a head: own station, cells under 5 suppressed. */
  'pipeline.funnel': FunnelView
  /** The members behind one figure, paged; `total` is the figure. */
  'pipeline.members': PipelineMembersPage
  /** The same rows as `.xlsx`; the first sheet is the metric dictionary. */
  'pipeline.export': ExportFile
  'dashboard.overview': DashboardOverview
  /** Staff see drafts too. */
  'competition.list': Competition[]
  'competition.get': Competition
  'competition.save': Competition
  'competition.createTeam': TeamView
  /** What the invite code opens before joining: no phones, no code. */
  'competition.previewInvite': TeamView
  /** The leader's mini-program code for the team (a PNG data URL locally, a cloud file id on weapp). */
  'competition.inviteImage': { code: string; path: string; url: string | null; image: string }
  /** Joined unconfirmed; `competition.confirm` completes it. */
  'competition.joinTeam': TeamView
  'competition.confirm': TeamView
  'competition.removeMember': TeamView
  'competition.reorder': TeamView
  'competition.setLeader': TeamView
  'competition.addAdvisor': TeamView
  'competition.removeAdvisor': TeamView
  'competition.updateTeam': TeamView
  'competition.sign': TeamView
  /** A new version; refused at or after the deadline (server clock). */
  'competition.submit': TeamView
  'competition.myTeams': TeamView[]
  'competition.team': TeamView
  /** My competition entries for the 翼展档案. */
  'competition.myRecord': MyCompetitionEntry[]
  /** Staff: teams with their state; advisor phones masked. */
  'competition.teams': TeamView[]
  'competition.freeze': TeamView
  'competition.addJudge': Judge
  'competition.judges': Judge[]
  'competition.assign': { assignments: Record<string, string[]>; short: string[]; skipped: number }
  /** Binds the judge seat to the caller's WeChat identity. */
  'competition.redeemJudge': Judge
  'competition.judgeProjects': { competition: Competition; projects: BlindProject[] }
  'competition.score': Score
  'competition.results': CompetitionResults
  'competition.shortlist': CompetitionResults
  'competition.award': TeamView
  'competition.talent': TalentLead[]
}

export interface OutboxMessage {
  id: string
  template: 'reminder' | 'result' | 'notice'
  page: string
  data: Record<string, string>
  at: string
  errcode: number
}

export type ActionName = keyof typeof actionSchemas
export type ActionInput<A extends ActionName> = z.input<(typeof actionSchemas)[A]>
export type ActionPayload<A extends ActionName> = z.output<(typeof actionSchemas)[A]>
export type ActionResult<A extends ActionName> = ActionResults[A]

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actionSchemas, name)
}
