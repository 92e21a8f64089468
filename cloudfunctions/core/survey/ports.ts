import type { TotalCount } from './totals'
import type { CrossDimension, NoticeAudience, Page, RecipientStatus, Survey, SurveyAnswers, SurveyStatus } from '../../../types'

/**
 * Ports of surveys. Four kinds of rows, kept apart on purpose:
 * - the survey (its definition, audience, identity mode, status) and its counters (`*` = responses,
 *   `questionId:optionId` = an option's quota), taken by conditional increments that never oversell;
 * - recipients, frozen at publish: (survey, member) → status and reminders. In 匿名可催办 this is
 *   the ONLY place a member's name meets the survey; it carries no time of submission;
 * - drafts: (survey, member) → answers so far, deleted at submit;
 * - responses: the answers. In 匿名可催办 and 完全匿名 a response carries no member id, a random id
 *   (not time-ordered) and only the day; nothing else written at submit names the response.
 */
export type SurveyRecord = Omit<Survey, 'responses' | 'quotaUsed'>

export interface RecipientRecord {
  surveyId: string
  openid: string
  status: RecipientStatus
  reminders: number
  lastRemindedAt: string | null
}

export interface ResponseRecord {
  /** Random, never time-ordered. */
  id: string
  surveyId: string
  /** 实名 only; null in both anonymous modes. */
  openid: string | null
  /** `YYYY-MM-DD` (Shanghai). */
  day: string
  answers: SurveyAnswers
  /** 实名 only: the profile dimensions at submission (for cross-tabs); null otherwise. */
  profile: Record<CrossDimension, string> | null
}

export interface SurveyListQuery {
  /** Only surveys of this station (a head); null: all. */
  stationId: string | null
  cursor: string | null
  limit: number
}

/** What taking a response answers: taken, or the counter that is full (`*` = the response cap). */
export type TakeOutcome = { ok: true } | { ok: false; full: string }

/**
 * One submission, written as one unit: the recipient moves to 已提交 (tracked modes), each counter
 * is taken (the option quotas first, then `*`), the response is added and the draft dropped. All
 * or none: a full counter or an earlier submission leaves everything as it was.
 */
export interface SubmitInput {
  response: ResponseRecord
  openid: string
  /**
   * Tracked modes: the statuses it may move to 已提交 from, and the status it had (kept on failure);
   * a public link: `claim` writes the account's 已提交 row (refused when one exists; removed on
   * failure), so one answer per WeChat account; null: not tracked.
   */
  recipient: { from: RecipientStatus[]; restore: RecipientStatus } | { claim: true; publishedAt: string | null } | null
  /** The counters to take, with their limits (the same as stored at publish; null = none). */
  counters: { key: string; cap: number | null }[]
  /** Whether a draft may exist (false saves a write). */
  dropDraft: boolean
  /** What the response adds to the survey's running totals (see totals.ts), in the same unit. */
  totals: TotalCount[]
}

export type SubmitOutcome = { ok: true } | { ok: false; full: string } | { ok: false; already: true }

export interface SurveyStore {
  create(survey: SurveyRecord): Promise<void>
  /** With its counters. */
  get(id: string): Promise<Survey | null>
  /** Without its counters (one read fewer: the answering path needs none). */
  record(id: string): Promise<SurveyRecord | null>
  /** Replaces the survey's fields while its status is one of `from`; false otherwise. */
  replace(survey: SurveyRecord, from: SurveyStatus[]): Promise<boolean>
  /** Newest first. */
  list(query: SurveyListQuery): Promise<Page<Survey>>
  /** Published surveys whose close time has come (for the scheduler to close), at most `limit`. */
  dueToClose(now: string, limit: number): Promise<SurveyRecord[]>
  /** Members a (non-activity) audience holds at `at`, all of them (bounded by the membership). */
  audienceOpenids(audience: NoticeAudience, at: string): Promise<string[]>
  /**
   * approved → published: writes the recipients (status 未读), the counters (`*` limited by the cap,
   * each quota key by its quota) and the survey's published fields. False when not approved.
   */
  publish(survey: SurveyRecord, openids: string[], quotas: Record<string, number>): Promise<boolean>

  recipient(surveyId: string, openid: string): Promise<RecipientRecord | null>
  /** Moves the status forward to `to` only from `from`; false when it was elsewhere. */
  advance(surveyId: string, openid: string, from: RecipientStatus[], to: RecipientStatus): Promise<boolean>
  /** Recipients not (yet) in `submitted`, by openid. */
  pending(surveyId: string, cursor: string | null, limit: number): Promise<Page<RecipientRecord>>
  /** Surveys sent to an activity's participants that the member submitted, newest published first, at most `limit`. */
  answeredFeedback(openid: string, limit: number): Promise<SurveyRecord[]>
  /** The member's surveys (as a recipient), newest published first. */
  mine(openid: string, cursor: string | null, limit: number): Promise<Page<{ survey: Survey; recipient: RecipientRecord }>>
  /**
   * One more reminder when fewer than `max` were sent and the last is before `notAfter`
   * (conditional: two reminders at once count once).
   */
  remind(surveyId: string, openid: string, at: string, max: number, notAfter: string): Promise<boolean>

  saveDraft(surveyId: string, openid: string, pageId: string, answers: SurveyAnswers, at: string): Promise<void>
  draft(surveyId: string, openid: string): Promise<{ pageId: string; answers: SurveyAnswers } | null>
  deleteDraft(surveyId: string, openid: string): Promise<void>

  /** Takes one response and one of each quota: all or none, never beyond a limit. */
  take(surveyId: string, keys: string[]): Promise<TakeOutcome>
  /** Gives taken counters back (a submission that failed after taking). */
  release(surveyId: string, keys: string[]): Promise<void>
  addResponse(response: ResponseRecord): Promise<void>
  /** A submission in one unit (see SubmitInput). */
  submit(input: SubmitInput): Promise<SubmitOutcome>
  /** The survey's running totals of these dimensions (ALL for the overall ones). */
  totals(surveyId: string, dims: string[]): Promise<TotalCount[]>
  /** Every response, ordered by its (random) id, paged. */
  responses(surveyId: string, cursor: string | null, limit: number): Promise<Page<ResponseRecord>>
  /** The named (实名) answers of a member, at most `limit` (anonymous ones carry no member id). */
  answersOf(openid: string, limit: number): Promise<ResponseRecord[]>
  /** Account deletion: drafts and recipient rows go; anonymous answers stay, named ones lose the id. */
  forgetMember(openid: string): Promise<void>
}
