import type { Notice, NoticeAudience, Page } from '../../../types'
import type { MemberRecord } from '../member/ports'

/**
 * Ports of the notices feature. A notice is stored once, with its audience; nothing is written
 * per recipient when it is sent. The inbox is resolved when a member reads it: their current
 * profile against the audience, under "the audience held me at the send time" (station
 * membership at that time; joined the alliance before it). Activity audiences are the one
 * exception: their registrants are frozen at the send time (bounded by the activity's capacity).
 */
export type NoticeRecord = Omit<Notice, 'status'>

/** What of the reader the inbox needs: the profile the audience is matched against. */
export type NoticeReader = Pick<
  MemberRecord,
  'openid' | 'joinedAt' | 'hometownCounty' | 'degree' | 'graduationYear' | 'fields' | 'stationId' | 'stationJoinedAt'
>

export type InboxRecord = NoticeRecord & { read: boolean }

/**
 * A push per (notice, member), written before the send (`sending`) and after it, so a run that
 * dies halfway resumes without sending anyone the same notice twice:
 *   pending → sending → sent | failed (WeChat's errcode) | skipped (no authorisation left)
 *   sending → pending (transient failure, attempts < 3; the authorisation is given back)
 *   sending → unknown (found still `sending` by a later run: it may have gone out, never resent)
 */
export type PushState = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'unknown'

/** A `pending` outcome counts one more attempt (a transient failure, to be retried). */
export interface PushOutcome {
  state: 'sent' | 'failed' | 'skipped' | 'pending'
  errcode: number
}

export interface NoticeListQuery {
  /** Only those sent by this member; null: all. */
  senderOpenid: string | null
  /** Only titles containing this text, case-insensitive, wildcards taken literally; '' or absent: any. */
  title?: string
  cursor: string | null
  limit: number
}

export interface NoticeStore {
  /**
   * Stores the notice; `frozen` is an activity audience's registrants at the send time.
   * `push: false`: inbox only, no `notice` push (its sender sends its own message, as survey reminders do).
   */
  create(notice: NoticeRecord, frozen: string[] | null, options?: { push: boolean }): Promise<void>
  get(id: string): Promise<NoticeRecord | null>
  /** How many members a (non-activity) audience held at `at`: a count, never a listing. */
  countAudience(audience: NoticeAudience, at: string): Promise<number>
  /** Newest first. */
  list(query: NoticeListQuery): Promise<Page<NoticeRecord>>
  /** Takes the notice out of every inbox and stops its pushes; false when already withdrawn. */
  withdraw(id: string, at: string): Promise<boolean>

  /** The reader's notices sent by `now`, newest first, each with its read state. */
  inbox(reader: NoticeReader, now: string, cursor: string | null, limit: number): Promise<Page<InboxRecord>>
  /** One notice of the reader's inbox, or null when it is not theirs (or not visible yet). */
  findInInbox(reader: NoticeReader, id: string, now: string): Promise<InboxRecord | null>
  markRead(openid: string, id: string, at: string): Promise<void>
  /** Marks every unread notice of the inbox read; how many. */
  markAllRead(reader: NoticeReader, now: string): Promise<number>
  unreadCount(reader: NoticeReader, now: string): Promise<number>
  readCount(id: string): Promise<number>

  /** Scheduled notices whose time has come: waiting → pushing (their frozen list and count set). */
  takeDue(now: string, limit: number): Promise<NoticeRecord[]>
  /** Sets the recipients (and an activity audience's frozen list) when a scheduled notice goes out. */
  setRecipients(id: string, recipients: number, frozen: string[] | null): Promise<void>
  /** Notices with pushes still to do, oldest first. */
  pushing(limit: number): Promise<NoticeRecord[]>
  /**
   * The next members to push to: `pending` ones first, then new audience members holding a
   * `notice` authorisation (recorded `pending`). Rows left `sending` since before `staleBefore`
   * become `unknown`. When nothing is left the notice's pushes are done.
   */
  claimPushes(notice: NoticeRecord, limit: number, at: string, staleBefore: string): Promise<string[]>
  /** pending → sending; the attempts made before this one, or null when it is not pending. */
  markSending(noticeId: string, openid: string, at: string): Promise<number | null>
  recordPush(noticeId: string, openid: string, outcome: PushOutcome, at: string): Promise<void>
  pushFigures(noticeId: string): Promise<{ pushed: number; failures: { errcode: number; count: number }[] }>
  /** Account deletion: read state and push records go. */
  forgetMember(openid: string): Promise<void>
}
