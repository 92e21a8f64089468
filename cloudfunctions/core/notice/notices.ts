import type { ActionPayload, Activity, InboxNotice, Notice, NoticeAudience, NoticeStats, Page } from '../../../types'
import { recordAudit } from '../audit/audit'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { forbidden, invalidInput, notFound } from '../shared/errors'
import { LIMITS, requireWithinLimit } from '../shared/rate-limit'
import { newTimeOrderedId } from '../shared/ids'
import type { Caller } from '../access/access'
import type { InboxRecord, NoticeReader, NoticeRecord } from './ports'
import { allFields } from '../taxonomy/taxonomy'

export const NOTICE_PAGE = 'pages/notice/index'
export const LEAGUE_NAME = '共青团驻马店市委'
const MAX_SCHEDULE_MS = 90 * 24 * 60 * 60 * 1000
/** An activity audience is frozen by listing its registrants, at most this many (capacity ≤ 100,000). */
const MAX_FROZEN = 100_000

export const ACTIVITY_STATUSES = {
  all: ['registered', 'waitlisted', 'checked_in'],
  registered: ['registered', 'checked_in'],
  waitlisted: ['waitlisted'],
  checked_in: ['checked_in'],
} as const

export function statusOf(record: NoticeRecord, now: string): Notice['status'] {
  if (record.withdrawnAt) return 'withdrawn'
  return record.sendAt > now ? 'scheduled' : 'sent'
}

const toNotice = (record: NoticeRecord, now: string): Notice => ({ ...record, status: statusOf(record, now) })

function toInbox(r: InboxRecord): InboxNotice {
  return { id: r.id, title: r.title, body: r.body, link: r.link, senderLabel: r.senderLabel, sendAt: r.sendAt, read: r.read }
}

function readerOf(caller: Caller): NoticeReader {
  const m = caller.member
  if (!m || !caller.openid) throw forbidden('请先加入翼展联盟')
  return m
}

/** A head's audience is their own station, whatever the request says; students may not send. */
async function scopedAudience(deps: Deps, caller: Caller, audience: NoticeAudience): Promise<{ audience: NoticeAudience; stationId: string | null; label: string }> {
  if (caller.isStaff) {
    if (audience.fieldIds.length > 0) {
      const known = new Set((await allFields(deps)).map((f) => f.id))
      audience.fieldIds.forEach((id, i) => {
        if (!known.has(id)) throw invalidInput(`audience.fieldIds.${i}`, '所选重点产业领域不存在')
      })
    }
    for (const [i, id] of audience.stationIds.entries()) {
      if (!(await deps.store.stations.get(id))) throw invalidInput(`audience.stationIds.${i}`, '没有找到这个驿站')
    }
    if (audience.activityId && !(await deps.store.activities.get(audience.activityId))) {
      throw invalidInput('audience.activityId', '没有找到这个活动')
    }
    return { audience, stationId: null, label: LEAGUE_NAME }
  }
  const member = caller.member
  const stationId = member?.role === 'station_head' ? member.stationId : null
  if (!stationId) throw forbidden('仅团市委工作人员或站长可以发送通知')
  const station = await deps.store.stations.get(stationId)
  return {
    audience: { all: false, stationIds: [stationId], countyIds: [], fieldIds: [], degreeIds: [], graduationYears: [], activityId: null, activityStatus: null },
    stationId,
    label: station?.name ?? '翼展驿站',
  }
}

/** An activity audience's registrants now, listed page by page (bounded by its capacity). */
export async function freezeRegistrants(deps: Deps, audience: NoticeAudience): Promise<string[]> {
  if (!audience.activityId) return []
  const statuses = [...ACTIVITY_STATUSES[audience.activityStatus ?? 'all']]
  const openids: string[] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.registrations.openidsOf(audience.activityId, statuses, cursor, 1000)
    openids.push(...page.items)
    cursor = page.nextCursor
  } while (cursor && openids.length < MAX_FROZEN)
  return openids
}

async function countNow(deps: Deps, audience: NoticeAudience, at: string): Promise<number> {
  if (audience.activityId) return (await freezeRegistrants(deps, audience)).length
  return deps.store.notices.countAudience(audience, at)
}

export async function previewNotice(deps: Deps, caller: Caller, input: ActionPayload<'notice.preview'>): Promise<{ recipients: number }> {
  const { audience } = await scopedAudience(deps, caller, input.audience)
  return { recipients: await countNow(deps, audience, toIsoString(deps.clock.now())) }
}

interface Composed {
  title: string
  body: string
  link: Notice['link']
  audience: NoticeAudience
  sendAt: string
  origin: Notice['origin']
  stationId: string | null
  label: string
}

/** Stores the notice (one write, plus the frozen list of an activity audience) and audits it. */
async function storeNotice(deps: Deps, caller: Caller, c: Composed): Promise<Notice> {
  const now = deps.clock.now()
  const nowIso = toIsoString(now)
  const due = c.sendAt <= nowIso
  // A scheduled activity notice freezes its registrants when it goes out (the scheduler).
  const frozen = c.audience.activityId && due ? await freezeRegistrants(deps, c.audience) : null
  const recipients = frozen ? frozen.length : await countNow(deps, c.audience, nowIso)
  const record: NoticeRecord = {
    id: newTimeOrderedId('nt', now),
    title: c.title,
    body: c.body,
    link: c.link,
    audience: c.audience,
    origin: c.origin,
    senderOpenid: caller.openid ?? '',
    senderRole: caller.isStaff ? 'staff' : 'station_head',
    senderLabel: c.label,
    stationId: c.stationId,
    sendAt: due ? nowIso : c.sendAt,
    createdAt: nowIso,
    recipients,
    withdrawnAt: null,
  }
  await deps.store.notices.create(record, frozen)
  await recordAudit(deps, caller, {
    action: 'notice.send',
    stationId: c.stationId,
    summary: `${due ? '发送' : `定时（${record.sendAt.slice(0, 16).replace('T', ' ')}）发送`}通知「${record.title}」给${recipients}人`,
  })
  return toNotice(record, nowIso)
}

export async function sendNotice(deps: Deps, caller: Caller, input: ActionPayload<'notice.send'>): Promise<Notice> {
  const scoped = await scopedAudience(deps, caller, input.audience)
  // Every notice lands in many inboxes: a sender cannot flood them (m-6).
  const limit = LIMITS.noticeSend(caller.isStaff)
  await requireWithinLimit(deps, `notice-send:${caller.openid}`, limit.max, limit.windowMs, '发送通知过于频繁，请10分钟后再试')
  const now = deps.clock.now().getTime()
  let sendAt = toIsoString(new Date(now))
  if (input.sendAt) {
    const at = Date.parse(input.sendAt)
    if (at > now + MAX_SCHEDULE_MS) throw invalidInput('sendAt', '定时发送最多提前90天')
    if (at > now) sendAt = toIsoString(new Date(at))
  }
  // A link opens a page for every recipient: it must name something that exists (m-10).
  if (input.link) {
    const target = input.link.kind === 'activity' ? await deps.store.activities.get(input.link.id) : await deps.store.policies.get(input.link.id)
    if (!target) throw invalidInput('link', input.link.kind === 'activity' ? '链接的活动不存在' : '链接的政策不存在')
  }
  return storeNotice(deps, caller, {
    title: input.title,
    body: input.body,
    link: input.link,
    audience: scoped.audience,
    sendAt,
    origin: 'manual',
    stationId: scoped.stationId,
    label: scoped.label,
  })
}

/**
 * Tells an activity's registrants (and its waitlist) that it changed: called by the activity use
 * cases when the time or place moved, or it was cancelled.
 */
export async function noticeActivityChange(
  deps: Deps,
  caller: Caller,
  activity: Activity,
  title: string,
  body: string,
  /** Only the registrants in this status (e.g. those waiting); all of them when absent. */
  activityStatus: 'waitlisted' | null = null,
): Promise<Notice | null> {
  if (activity.registeredCount + activity.waitlistCount === 0) return null
  if (activityStatus === 'waitlisted' && activity.waitlistCount === 0) return null
  const station = activity.stationId ? await deps.store.stations.get(activity.stationId) : null
  return storeNotice(deps, caller, {
    title: title.slice(0, 40),
    body: body.slice(0, 2000),
    link: { kind: 'activity', id: activity.id },
    audience: { all: false, stationIds: [], countyIds: [], fieldIds: [], degreeIds: [], graduationYears: [], activityId: activity.id, activityStatus },
    sendAt: toIsoString(deps.clock.now()),
    origin: 'activity',
    stationId: activity.stationId,
    label: station?.name ?? LEAGUE_NAME,
  })
}

/** Staff manage every notice; a head only those they sent. */
async function requireManaged(deps: Deps, caller: Caller, id: string): Promise<NoticeRecord> {
  const record = await deps.store.notices.get(id)
  if (!record) throw notFound('没有找到这条通知')
  if (!caller.isStaff && record.senderOpenid !== caller.openid) throw forbidden('只能管理自己发送的通知')
  return record
}

export async function withdrawNotice(deps: Deps, caller: Caller, input: ActionPayload<'notice.withdraw'>): Promise<Notice> {
  const record = await requireManaged(deps, caller, input.id)
  const at = toIsoString(deps.clock.now())
  if (await deps.store.notices.withdraw(record.id, at)) {
    await recordAudit(deps, caller, { action: 'notice.withdraw', stationId: record.stationId, summary: `撤回通知「${record.title}」` })
  }
  return toNotice((await deps.store.notices.get(record.id)) ?? record, at)
}

export async function listNotices(deps: Deps, caller: Caller, input: ActionPayload<'notice.list'>): Promise<Page<Notice>> {
  const page = await deps.store.notices.list({
    senderOpenid: caller.isStaff && !input.mine ? null : (caller.openid ?? ''),
    title: input.q,
    cursor: input.cursor ?? null,
    limit: pageSize(input.limit),
  })
  const now = toIsoString(deps.clock.now())
  return { items: page.items.map((r) => toNotice(r, now)), nextCursor: page.nextCursor }
}

export async function noticeStats(deps: Deps, caller: Caller, input: ActionPayload<'notice.stats'>): Promise<NoticeStats> {
  const record = await requireManaged(deps, caller, input.id)
  const [read, push] = await Promise.all([deps.store.notices.readCount(record.id), deps.store.notices.pushFigures(record.id)])
  const notice = toNotice(record, toIsoString(deps.clock.now()))
  return { notice, recipients: record.recipients, read, pushed: push.pushed, pushFailures: push.failures }
}

// ——— members: the inbox ———

/**
 * A member who withdrew consent is not matched against audiences (that would use their profile):
 * the inbox is empty and the count 0 until they consent again (types/privacy.ts says so).
 */
const paused = (caller: Caller) => Boolean(caller.member?.consentWithdrawnAt)

export async function inbox(deps: Deps, caller: Caller, input: ActionPayload<'notice.inbox'>): Promise<Page<InboxNotice>> {
  if (paused(caller)) return { items: [], nextCursor: null }
  const page = await deps.store.notices.inbox(readerOf(caller), toIsoString(deps.clock.now()), input.cursor ?? null, pageSize(input.limit))
  return { items: page.items.map(toInbox), nextCursor: page.nextCursor }
}

export async function readNotice(deps: Deps, caller: Caller, input: ActionPayload<'notice.read'>): Promise<InboxNotice> {
  const reader = readerOf(caller)
  const now = toIsoString(deps.clock.now())
  const found = await deps.store.notices.findInInbox(reader, input.id, now)
  if (!found) throw notFound('没有找到这条通知')
  if (!found.read) await deps.store.notices.markRead(reader.openid, found.id, now)
  return toInbox({ ...found, read: true })
}

export async function readAllNotices(deps: Deps, caller: Caller): Promise<{ marked: number }> {
  if (paused(caller)) return { marked: 0 }
  return { marked: await deps.store.notices.markAllRead(readerOf(caller), toIsoString(deps.clock.now())) }
}

export async function unreadNoticeCount(deps: Deps, caller: Caller): Promise<{ count: number }> {
  if (paused(caller)) return { count: 0 }
  return { count: await deps.store.notices.unreadCount(readerOf(caller), toIsoString(deps.clock.now())) }
}

export async function subscribeToNotices(deps: Deps, caller: Caller): Promise<{ granted: true }> {
  await deps.store.messages.grant(readerOf(caller).openid, 'notice', toIsoString(deps.clock.now()))
  return { granted: true }
}
