import dayjs from 'dayjs'
import type {
  ActionPayload,
  JoinRequest,
  JoinRequestForReview,
  Page,
  Station,
  StationMember,
  StationSummary,
  StationView,
} from '../../../types'
import { maskPhone } from '../../../types'
import { recordAudit } from '../audit/audit'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { AppError, conflict, invalidInput, notFound } from '../shared/errors'
import { LIMITS, requireWithinLimit } from '../shared/rate-limit'
import { newId, newTimeOrderedId } from '../shared/ids'
import { canManageStation, notYourStation, type Caller } from '../access/access'
import type { RosterEntry, StationRecord } from './ports'
import { searchUniversities } from '../taxonomy/universities'
import { memberFactsChanged } from '../pipeline/facts'

const now = (deps: Deps) => toIsoString(deps.clock.now())

async function requireStation(deps: Deps, id: string): Promise<Station> {
  const station = await deps.store.stations.get(id)
  if (!station) throw notFound('没有找到这个驿站')
  return station
}

function requireMember(caller: Caller) {
  if (!caller.member || !caller.openid) throw new AppError('FORBIDDEN', '请先加入翼展联盟')
  return caller.member
}

export const defaultStationName = (university: string) => `${university}翼展驿站`

// ——— staff: stations and their leaders ———

export async function createStation(deps: Deps, caller: Caller, input: ActionPayload<'station.create'>): Promise<Station> {
  const at = now(deps)
  const record: StationRecord = {
    id: newId('st'),
    name: input.name || defaultStationName(input.university),
    university: input.university,
    city: input.city,
    intro: input.intro,
    status: 'open',
    headOpenid: null,
    deputyOpenids: [],
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    isDemo: false,
  }
  if (!(await deps.store.stations.create(record))) throw conflict(`${input.university}已有开放中的翼展驿站`)
  await recordAudit(deps, caller, { action: 'station.create', stationId: record.id, summary: `创建驿站「${record.name}」` })
  return requireStation(deps, record.id)
}

export async function updateStation(deps: Deps, caller: Caller, input: ActionPayload<'station.update'>): Promise<Station> {
  const { id, ...changes } = input
  const result = await deps.store.stations.update(id, changes, now(deps))
  if (result === null) throw notFound('没有找到这个驿站')
  if (result === 'conflict') throw conflict(`${changes.university}已有开放中的翼展驿站`)
  await recordAudit(deps, caller, { action: 'station.update', stationId: id, summary: `修改驿站「${result.name}」的信息` })
  return result
}

export async function closeStation(deps: Deps, caller: Caller, input: ActionPayload<'station.close'>): Promise<Station> {
  const station = await requireStation(deps, input.id)
  const reason = input.reason || '驿站已关闭'
  if (!(await deps.store.stations.close(input.id, reason, now(deps)))) throw conflict('这个驿站已经关闭了')
  await recordAudit(deps, caller, { action: 'station.close', stationId: station.id, summary: `关闭驿站「${station.name}」：${reason}` })
  return requireStation(deps, input.id)
}

export async function appointLeader(deps: Deps, caller: Caller, input: ActionPayload<'station.appointHead'>): Promise<Station> {
  const outcome = await deps.store.stations.appointLeader(input.stationId, input.openid, input.as, now(deps))
  if (outcome === 'not_found') throw notFound('没有找到这个驿站')
  if (outcome === 'closed') throw conflict('驿站已关闭，不能任命站长')
  if (outcome === 'not_member') throw invalidInput('openid', '站长和副站长必须是本驿站的成员')
  const station = await requireStation(deps, input.stationId)
  const title = input.as === 'head' ? '站长' : '副站长'
  await recordAudit(deps, caller, {
    action: 'station.appointHead',
    stationId: station.id,
    subjectOpenid: input.openid,
    summary: `任命「${station.name}」${title}`,
  })
  return station
}

export async function removeLeader(deps: Deps, caller: Caller, input: ActionPayload<'station.removeHead'>): Promise<Station> {
  const station = await requireStation(deps, input.stationId)
  if (!(await deps.store.stations.removeLeader(input.stationId, input.openid, now(deps)))) {
    throw notFound('这位同学不是本站的站长或副站长')
  }
  await recordAudit(deps, caller, {
    action: 'station.removeHead',
    stationId: station.id,
    subjectOpenid: input.openid,
    summary: `免去「${station.name}」站长/副站长职务`,
  })
  return requireStation(deps, input.stationId)
}

// ——— everyone: directory and station page ———

/** How many listed universities a station search also looks for. */
const UNIVERSITY_MATCHES = 10

export async function listStations(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'station.list'>,
): Promise<Page<Station> & { suggested: Station | null }> {
  const page = await deps.store.stations.list({
    q: input.q,
    // "郑大" or "zzdx" finds 郑州大学's station: the names it stands for, from the MoE list.
    universities: input.q ? searchUniversities(input.q, UNIVERSITY_MATCHES).map((u) => u.name) : [],
    includeClosed: caller.isStaff && input.includeClosed === true,
    cursor: input.cursor ?? null,
    limit: pageSize(input.limit),
  })
  // Pending counts are for staff; a student's directory shows the public card only.
  const items = caller.isStaff
    ? page.items
    : page.items.map(({ pendingCount: _hidden, ...station }: StationSummary) => publicStation(caller, station))
  const firstPage = !input.cursor && !input.q
  const university = caller.member?.university
  const suggested = firstPage && university ? await deps.store.stations.findOpenByUniversity(university) : null
  return { items, nextCursor: page.nextCursor, suggested: suggested && publicStation(caller, suggested) }
}

/** A station as those who do not manage it see it: its head's name, no openids (m-3). */
function publicStation<T extends Station>(caller: Caller, station: T): T {
  return canManageStation(caller, station.id) ? station : { ...station, headOpenid: null, deputyOpenids: [] }
}

export async function viewStation(deps: Deps, caller: Caller, input: ActionPayload<'station.get'>): Promise<StationView> {
  const station = await requireStation(deps, input.id)
  const manages = canManageStation(caller, station.id)
  const latest = caller.openid ? await deps.store.membership.latestRequest(caller.openid) : null
  const monthStart = toIsoString(dayjs(deps.clock.now()).utcOffset(480).startOf('month').toDate())
  return {
    ...publicStation(caller, station),
    figures: manages ? await deps.store.stations.figures(station.id, monthStart) : null,
    myRequest: latest && latest.stationId === station.id ? latest : null,
    isMine: caller.member?.stationId === station.id,
    canManage: manages,
    recentNotices: [],
  }
}

// ——— students: join requests and leaving ———

export async function requestToJoin(deps: Deps, caller: Caller, input: ActionPayload<'station.requestJoin'>): Promise<JoinRequest> {
  const member = requireMember(caller)
  const station = await requireStation(deps, input.stationId)
  if (station.status !== 'open') throw conflict('这个驿站已关闭，暂不接受申请')
  if (member.stationId === station.id) throw conflict('你已经是本站成员了')
  if (member.stationId) throw conflict('你已加入其他驿站，请先退出再申请')
  // Each request reaches the station's leaders: asking and cancelling over and over is limited (m-6).
  const limit = LIMITS.joinRequest
  await requireWithinLimit(deps, `join-request:${member.openid}`, limit.max, limit.windowMs, '申请过于频繁，请1小时后再试')
  const at = now(deps)
  const created = await deps.store.membership.createRequest({
    // Time-ordered: "my latest request" must not depend on a random tie-break.
    id: newTimeOrderedId('jr', deps.clock.now()),
    stationId: station.id,
    openid: member.openid,
    note: input.note,
    status: 'pending',
    reason: '',
    createdAt: at,
    decidedAt: null,
    decidedBy: null,
  })
  if (!created) throw conflict('你有一个待审核的申请，请等待审核或先取消')
  const latest = await deps.store.membership.latestRequest(member.openid)
  if (!latest) throw notFound('没有找到申请')
  return latest
}

export async function cancelJoinRequest(deps: Deps, caller: Caller, input: ActionPayload<'station.cancelRequest'>): Promise<JoinRequest> {
  const member = requireMember(caller)
  const request = await deps.store.membership.getRequest(input.id)
  if (!request || request.openid !== member.openid) throw notFound('没有找到这条申请')
  if (!(await deps.store.membership.cancelRequest(input.id, member.openid, now(deps)))) {
    throw conflict('这条申请已经处理过了')
  }
  return (await deps.store.membership.getRequest(input.id))!
}

export async function myJoinRequest(deps: Deps, caller: Caller): Promise<JoinRequest | null> {
  const member = requireMember(caller)
  return deps.store.membership.latestRequest(member.openid)
}

export async function leaveStation(deps: Deps, caller: Caller): Promise<{ left: true }> {
  const member = requireMember(caller)
  // A head who walked out would leave the station without anyone to review its requests.
  if (member.role === 'station_head') throw conflict('你是本站站长，不能直接退出驿站；如需卸任，请联系团市委')
  if (!member.stationId || !(await deps.store.membership.detach(member.openid, member.stationId, now(deps)))) {
    throw conflict('你还没有加入驿站')
  }
  await memberFactsChanged(deps, member.openid)
  return { left: true }
}

// ——— heads (own station) and staff: requests and roster ———

export async function listPendingRequests(
  deps: Deps,
  input: ActionPayload<'station.pendingRequests'>,
): Promise<Page<JoinRequestForReview>> {
  const station = await requireStation(deps, input.stationId)
  const page = await deps.store.membership.pendingRequests(station.id, input.cursor ?? null, pageSize(input.limit))
  return {
    items: page.items.map(({ member, decidedBy: _decidedBy, ...request }) => ({
      ...request,
      stationName: station.name,
      name: member.name,
      university: member.university,
      major: member.major,
      degree: member.degree,
      graduationYear: member.graduationYear,
      hometownCounty: member.hometownCounty,
      phoneMasked: maskPhone(member.phone),
    })),
    nextCursor: page.nextCursor,
  }
}

export async function reviewJoinRequest(deps: Deps, caller: Caller, input: ActionPayload<'station.reviewRequest'>): Promise<JoinRequest> {
  const request = await deps.store.membership.getRequest(input.id)
  if (!request) throw notFound('没有找到这条申请')
  // Scope check needs the request's station, so it follows the read.
  if (!canManageStation(caller, request.stationId)) throw notYourStation()
  const at = now(deps)
  const by = caller.openid ?? ''
  if (input.decision === 'approve') {
    const outcome = await deps.store.membership.approveRequest(request.id, by, at)
    if (outcome === 'not_pending') throw conflict('这条申请已经处理过了')
    if (outcome === 'in_other_station') throw conflict('这位同学已加入其他驿站')
    await memberFactsChanged(deps, request.openid)
  } else if (!(await deps.store.membership.rejectRequest(request.id, input.reason, by, at))) {
    throw conflict('这条申请已经处理过了')
  }
  await recordAudit(deps, caller, {
    action: 'station.reviewRequest',
    stationId: request.stationId,
    subjectOpenid: request.openid,
    summary: input.decision === 'approve' ? '通过入站申请' : `拒绝入站申请：${input.reason}`,
  })
  return (await deps.store.membership.getRequest(request.id))!
}

export function toRosterLine(member: RosterEntry, station: Station): StationMember {
  return {
    openid: member.openid,
    name: member.name,
    phoneMasked: maskPhone(member.phone),
    university: member.university,
    college: member.college,
    major: member.major,
    degree: member.degree,
    enrollmentYear: member.enrollmentYear,
    graduationYear: member.graduationYear,
    hometownCounty: member.hometownCounty,
    fields: member.fields,
    role:
      station.headOpenid === member.openid ? 'head' : station.deputyOpenids.includes(member.openid) ? 'deputy' : 'member',
    joinedStationAt: member.stationJoinedAt,
  }
}

export async function listStationMembers(deps: Deps, input: ActionPayload<'station.members'>): Promise<Page<StationMember>> {
  const station = await requireStation(deps, input.stationId)
  const { stationId, cursor, limit, ...filters } = input
  const page = await deps.store.membership.roster(stationId, filters, cursor ?? null, pageSize(limit))
  return { items: page.items.map((m) => toRosterLine(m, station)), nextCursor: page.nextCursor }
}

export async function removeStationMember(
  deps: Deps,
  caller: Caller,
  input: ActionPayload<'station.removeMember'>,
): Promise<{ removed: true }> {
  const station = await requireStation(deps, input.stationId)
  if (station.headOpenid === input.openid) throw conflict('不能移除站长，请先由团市委更换站长')
  if (!(await deps.store.membership.detach(input.openid, station.id, now(deps)))) {
    throw notFound('这位同学不是本站成员')
  }
  await recordAudit(deps, caller, {
    action: 'station.removeMember',
    stationId: station.id,
    subjectOpenid: input.openid,
    summary: `将成员移出「${station.name}」：${input.reason}`,
  })
  return { removed: true }
}
