import type { ExportedCompetitionTeam, ResultObjection } from './competition'
import type { DestinationRecord } from './pipeline'
import type { AnswerValue, GrowthRecord, RegistrationStatus } from './activity'
import type { AuditEntry } from './audit'
import type { Member } from './member'
import type { ShareableField } from './policy'
import type { JoinRequestStatus } from './station'
import type { IdentityMode, RecipientStatus, SurveyAnswers } from './survey'
import type { ExportedJuryWork, ExportedObjection, Materials, NominationState } from './honour'
import type { StoryStatus, SubjectConsent } from './story'
import type { ExportedPublicSignUp } from './outreach'

/**
 * Everything stored about a member, as `member.exportMine` hands it out (PIPL art. 45): one list
 * per kind of data. `MEMBER_EXPORT_KINDS` names each list in Chinese (the xlsx sheet names).
 */
export interface ConsentEvent {
  kind: 'given' | 'withdrawn'
  /** The privacy statement version agreed to; empty for a withdrawal. */
  version: string
  at: string
}

export interface ExportedStationMembership {
  stationId: string
  stationName: string
  joinedAt: string
  leftAt: string | null
}

export interface ExportedJoinRequest {
  id: string
  stationId: string
  stationName: string
  note: string
  status: JoinRequestStatus
  reason: string
  createdAt: string
  decidedAt: string | null
}

export interface ExportedRegistration {
  activityId: string
  activityTitle: string
  status: RegistrationStatus
  /** Waitlist position while waitlisted. */
  position: number | null
  /** Form answers by the form's field label (the field id when the form no longer has it). */
  answers: Record<string, AnswerValue>
  createdAt: string
  updatedAt: string
  checkedInAt: string | null
}

export interface ExportedInterest {
  demandId: string
  employer: string
  position: string
  /** Exactly what was handed to the league for this employer, as it was at the time. */
  shared: Partial<Record<ShareableField, string | number>>
  at: string
}

export interface ExportedFavorite {
  policyId: string
  title: string
  at: string
}

export interface ExportedNotice {
  noticeId: string
  title: string
  senderLabel: string
  sentAt: string
  readAt: string | null
}

export interface ExportedSubscription {
  template: string
  remaining: number
}

export interface ExportedMessage {
  template: string
  page: string
  data: Record<string, string>
  at: string
  errcode: number
}

export interface ExportedPush {
  noticeId: string
  state: string
  updatedAt: string
}

/** A survey sent to me: my status, my unsubmitted draft, and (实名 only) my answers; anonymous answers name no one, so they cannot be found. */
export interface ExportedSurvey {
  surveyId: string
  title: string
  identityMode: IdentityMode
  /** null in 完全匿名 (nothing is kept per person). */
  status: RecipientStatus | null
  reminders: number
  draft: SurveyAnswers | null
  answers: SurveyAnswers[]
}

/** A story I wrote or that is about me (issue 17). */
export interface ExportedStory {
  storyId: string
  /** 作者 / 主人公 (both when I wrote about myself). */
  roles: ('author' | 'subject')[]
  title: string
  body: string
  status: StoryStatus
  subjectConsent: SubjectConsent
  createdAt: string
  publishedAt: string | null
}

/** A nomination for an honour that names me, as nominee or as the one who nominated (issue 16). */
export interface ExportedNomination {
  nominationId: string
  awardName: string
  roles: ('nominee' | 'nominator')[]
  state: NominationState
  materials: Materials
  createdAt: string
  updatedAt: string
}

export interface ExportedHelperRole {
  activityId: string
  activityTitle: string
}

export interface MemberExport {
  exportedAt: string
  notice: string
  member: Member
  consentHistory: ConsentEvent[]
  stationMemberships: ExportedStationMembership[]
  joinRequests: ExportedJoinRequest[]
  registrations: ExportedRegistration[]
  growthRecord: GrowthRecord
  checkInHelperOf: ExportedHelperRole[]
  demandInterests: ExportedInterest[]
  favorites: ExportedFavorite[]
  notices: ExportedNotice[]
  subscriptions: ExportedSubscription[]
  messages: ExportedMessage[]
  noticePushes: ExportedPush[]
  auditEntries: AuditEntry[]
  /** 去向登记, newest first (issue 14). */
  destinations: DestinationRecord[]
  /** Surveys sent to me (issue 15). */
  surveys: ExportedSurvey[]
  /** Stories I wrote or that are about me (issue 17). */
  stories: ExportedStory[]
  /** Honour nominations for me or by me (issue 16). */
  nominations: ExportedNomination[]
  /** Honour reviews I judged as a juror, and 公示 objections I filed (issue 16). */
  honourJuryWork: ExportedJuryWork[]
  honourObjections: ExportedObjection[]
  /** The competition teams I am in, and objections I filed to a result in 公示 (issue 18). */
  competitionTeams: ExportedCompetitionTeam[]
  competitionObjections: ExportedResultObjection[]
  /** 面向公众 sign-ups I made for myself or a child (issue 19). */
  publicSignUps: ExportedPublicSignUp[]
}

/** An objection I filed to a competition result: what I wrote and how it was decided (not by whom). */
export type ExportedResultObjection = Omit<ResultObjection, 'filerOpenid' | 'outcome'> & {
  outcome: Omit<NonNullable<ResultObjection['outcome']>, 'byOpenid'> | null
}

/** The lists of an export (everything but the envelope fields), each with its Chinese name. */
export const MEMBER_EXPORT_KINDS = {
  member: '个人资料',
  consentHistory: '隐私同意记录',
  stationMemberships: '驿站成员经历',
  joinRequests: '入站申请',
  registrations: '活动报名',
  growthRecord: '翼展档案',
  checkInHelperOf: '签到助手',
  demandInterests: '岗位意向',
  favorites: '收藏的政策',
  notices: '收到的通知',
  subscriptions: '消息订阅',
  messages: '消息推送记录',
  noticePushes: '通知推送记录',
  auditEntries: '与我有关的操作记录',
  destinations: '去向登记',
  surveys: '问卷',
  stories: '人才故事',
  nominations: '评优提名',
  honourJuryWork: '评优评审记录',
  honourObjections: '评优公示异议',
  competitionTeams: '竞赛团队',
  competitionObjections: '赛事公示异议',
  publicSignUps: '公众活动报名',
} as const satisfies Record<Exclude<keyof MemberExport, 'exportedAt' | 'notice'>, string>
export type MemberExportKind = keyof typeof MEMBER_EXPORT_KINDS

export const MEMBER_EXPORT_NOTICE = '这是翼展联盟保存的关于你的全部数据（依据《个人信息保护法》第四十五条）。'
