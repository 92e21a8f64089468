import type { DestinationRecord, MetricId, Page, PipelineMemberRow, Verification } from '../../../../types'
import { decodeCursor, encodeCursor } from '../../shared/cursor'
import type { FigureCount, FigureFilter, GainedFacts, GroupKey, MetricCounts, PipelineStore, StoredDestination } from '../../pipeline/ports'
import { workPlaceOf } from '../../pipeline/rules'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, isDuplicateWrite, totalOf, type RawDocument } from './database'
import { getDocument, mapBounded, num, SWEEP_MAX_ROUNDS, text, textOrNull } from './docs'

/**
 * The pipeline over CloudBase. The database cannot join collections in one aggregate, so each
 * member's facts (stage flags, latest destination) live in `pipeline_facts`, `_id` = openid,
 * refreshed when the member reports or is verified and by the scheduler for everything else
 * (check-ins, interests, profile edits). Every figure is then one `match` on that collection:
 * counted with `aggregate().match().group()`, listed with `where()` on the same condition.
 */

const FACT_PAGE = 100
/** The most documents one query answers (the service's cap). */
const QUERY_CAP = 1000
/** Station snapshots of a month, listed a page at a time (the data field left out). */
const SNAPSHOT_PAGE = 100

const toRecord = (d: RawDocument): DestinationRecord => ({
  id: String(d._id),
  openid: text(d.openid),
  status: text(d.status) as DestinationRecord['status'],
  workProvince: text(d.workProvince) as DestinationRecord['workProvince'],
  workCity: text(d.workCity),
  workCounty: textOrNull(d.workCounty) as DestinationRecord['workCounty'],
  employer: text(d.employer),
  field: text(d.field),
  reasons: (Array.isArray(d.reasons) ? d.reasons.map(String) : []) as DestinationRecord['reasons'],
  reasonText: text(d.reasonText),
  considerReturn: textOrNull(d.considerReturn) as DestinationRecord['considerReturn'],
  reportedAt: text(d.reportedAt),
  verification:
    d.verification && typeof d.verification === 'object'
      ? {
          at: text((d.verification as RawDocument).at),
          byOpenid: text((d.verification as RawDocument).byOpenid),
          note: text((d.verification as RawDocument).note),
        }
      : null,
  isDemo: d.isDemo === true,
})

/** The month a member reached each trend stage, kept on the fact row. */
const MONTH_FIELD: Partial<Record<MetricId, string>> = {
  joined: 'joinedMonth',
  participated: 'participatedMonth',
  reported: 'firstReportedMonth',
  returned: 'reportedMonth',
}
const monthField = (metric: MetricId) => MONTH_FIELD[metric] ?? 'noMonth'

const GROUP_FIELD: Record<Exclude<GroupKey, 'month'>, string> = {
  cohort: 'cohort',
  county: 'county',
  stationId: 'stationId',
  field: 'fields',
  reason: 'reasons',
  university: 'university',
}

/** Each metric as equalities on the member's fact row: the figure's `match`, and its `$cond` in countMetrics. */
const METRIC_WHERE: Record<MetricId, Record<string, boolean>> = {
  joined: {},
  signedUp: { signedUp: true },
  participated: { participated: true },
  intent: { intent: true },
  reported: { reported: true },
  returned: { returned: true },
  returnedVerified: { returned: true, verified: true },
  notReturned: { reported: true, returned: false },
}

export class CloudBasePipelineStore implements PipelineStore {
  constructor(private readonly collections: Collections) {}

  private get _() {
    return this.collections.command
  }

  async addDestination(record: StoredDestination): Promise<void> {
    const { id, ...rest } = record
    await this.collections.run(COLLECTIONS.destinations, (c) => checked(c.add({ _id: id, ...rest })))
  }

  async destinationsOf(openid: string, limit: number): Promise<DestinationRecord[]> {
    const result = await this.collections.run(COLLECTIONS.destinations, (c) =>
      checked(c.where({ openid }).orderBy('reportedAt', 'desc').orderBy('_id', 'desc').limit(limit).get()),
    )
    return documentsOf(result).map(toRecord)
  }

  async getDestination(id: string): Promise<DestinationRecord | null> {
    const doc = await getDocument(this.collections, COLLECTIONS.destinations, id)
    return doc ? toRecord(doc) : null
  }

  async verifyDestination(id: string, verification: Verification): Promise<DestinationRecord | null> {
    const result = await this.collections.run(COLLECTIONS.destinations, (c) =>
      checked(c.where({ _id: id, verification: null }).update({ verification: this._.set(verification) })),
    )
    const doc = await getDocument(this.collections, COLLECTIONS.destinations, id)
    const updated = typeof result === 'object' && result !== null && num((result as RawDocument).updated) === 1
    return updated && doc ? toRecord(doc) : null
  }

  /** The one condition of a figure on `pipeline_facts`: its count and its rows both use it. */
  private figureWhere(figure: FigureFilter): Record<string, unknown> {
    const where: Record<string, unknown> = { ...METRIC_WHERE[figure.metric] }
    if (figure.cohort !== undefined) where.cohort = figure.cohort
    if (figure.county !== undefined) where.county = figure.county
    if (figure.stationId !== undefined) where.stationId = figure.stationId
    // An array field equal to a value matches documents whose array holds it.
    if (figure.field !== undefined) where.fields = figure.field
    if (figure.reason !== undefined) where.reasons = figure.reason
    if (figure.month !== undefined) where[monthField(figure.metric)] = figure.month
    if (figure.universityIn) where.university = this._.in([...figure.universityIn])
    if (figure.universityNotIn) where.university = this._.nin([...figure.universityNotIn])
    return where
  }

  async countFigure(figure: FigureFilter, groupBy: readonly GroupKey[]): Promise<FigureCount[]> {
    const where = this.figureWhere(figure)
    const id = Object.fromEntries(groupBy.map((k) => [k, `$${k === 'month' ? monthField(figure.metric) : GROUP_FIELD[k]}`]))
    const result = await this.collections.run(COLLECTIONS.pipelineFacts, (c) => {
      let pipeline = c.aggregate().match(where)
      if (groupBy.includes('field')) pipeline = pipeline.unwind('$fields')
      if (groupBy.includes('reason')) pipeline = pipeline.unwind('$reasons')
      // The unwound element is filtered again, so a breakdown holds only the asked-for value.
      if (groupBy.includes('field') && figure.field !== undefined) pipeline = pipeline.match({ fields: figure.field })
      if (groupBy.includes('reason') && figure.reason !== undefined) pipeline = pipeline.match({ reasons: figure.reason })
      return checked(pipeline.group({ _id: groupBy.length > 0 ? id : null, n: { $sum: 1 } }).end())
    })
    const rows = documentsOf(result).map((d) => {
      const keys = (d._id && typeof d._id === 'object' ? d._id : {}) as Record<string, unknown>
      return {
        keys: Object.fromEntries(groupBy.map((k) => [k, typeof keys[k] === 'number' || typeof keys[k] === 'string' ? keys[k] : 'null'])) as FigureCount['keys'],
        count: num(d.n),
      }
    })
    return groupBy.length === 0 && rows.length === 0 ? [{ keys: {}, count: 0 }] : rows
  }

  async countMetrics(scope: Omit<FigureFilter, 'metric'>, metrics: readonly MetricId[], groupBy: readonly GroupKey[]): Promise<MetricCounts[]> {
    const where = this.figureWhere({ ...scope, metric: 'joined' })
    const id = Object.fromEntries(groupBy.map((k) => [k, `$${k === 'month' ? monthField('joined') : GROUP_FIELD[k]}`]))
    const sums = Object.fromEntries(
      metrics.map((m, i) => {
        const all = Object.entries(METRIC_WHERE[m]).map(([field, value]) => ({ $eq: [`$${field}`, value] }))
        return [`m${i}`, { $sum: all.length === 0 ? 1 : { $cond: [{ $and: all }, 1, 0] } }]
      }),
    )
    const result = await this.collections.run(COLLECTIONS.pipelineFacts, (c) => {
      let pipeline = c.aggregate().match(where)
      if (groupBy.includes('field')) pipeline = pipeline.unwind('$fields')
      if (groupBy.includes('reason')) pipeline = pipeline.unwind('$reasons')
      return checked(pipeline.group({ _id: groupBy.length > 0 ? id : null, ...sums }).end())
    })
    return documentsOf(result).map((d) => {
      const keys = (d._id && typeof d._id === 'object' ? d._id : {}) as Record<string, unknown>
      return {
        keys: Object.fromEntries(groupBy.map((k) => [k, typeof keys[k] === 'number' || typeof keys[k] === 'string' ? keys[k] : 'null'])) as MetricCounts['keys'],
        counts: Object.fromEntries(metrics.map((m, i) => [m, num(d[`m${i}`])])),
      }
    })
  }

  async listFigure(figure: FigureFilter, cursor: string | null, limit: number): Promise<Page<PipelineMemberRow>> {
    const after = decodeCursor(cursor, 1)
    const where = this.figureWhere(figure)
    const condition = after ? { ...where, _id: this._.gt(String(after[0])) } : where
    // The service answers at most 1000 documents, one of them the look-ahead: a longer page asked
    // for (an export's) comes back shorter, with a cursor, instead of cut off without one.
    const size = Math.min(limit, QUERY_CAP - 1)
    const result = await this.collections.run(COLLECTIONS.pipelineFacts, (c) =>
      checked(c.where(condition).orderBy('_id', 'asc').limit(size + 1).get()),
    )
    const docs = documentsOf(result)
    const items = docs.slice(0, size).map(toMemberRow)
    return { items, nextCursor: docs.length > size ? encodeCursor([items[items.length - 1].openid]) : null }
  }

  async returnLags(figure: FigureFilter): Promise<{ cohort: number; days: number }[]> {
    const where = this.figureWhere({ ...figure, metric: 'returned' })
    const result = await this.collections.run(COLLECTIONS.pipelineFacts, (c) =>
      checked(c.aggregate().match(where).group({ _id: '$cohort', lags: { $push: { j: '$joinedAt', r: '$reportedAt' } } }).end()),
    )
    return documentsOf(result).flatMap((d) =>
      (Array.isArray(d.lags) ? (d.lags as RawDocument[]) : []).map((l) => ({
        cohort: num(d._id),
        days: Math.round((Date.parse(text(l.r)) - Date.parse(text(l.j))) / 86_400_000),
      })),
    )
  }

  async openPositionsByField(): Promise<Map<string, number>> {
    const result = await this.collections.run(COLLECTIONS.demands, (c) =>
      checked(c.aggregate().match({ status: 'open' }).group({ _id: '$field', n: { $sum: '$headcount' } }).end()),
    )
    return new Map(documentsOf(result).map((d) => [String(d._id), num(d.n)]))
  }

  async refreshFacts(openids: readonly string[] | null): Promise<void> {
    if (openids !== null) {
      await mapBounded(openids, (openid) => this.refreshOne(openid))
      return
    }
    // Everyone, a page of members at a time by _id; facts of deleted members go with them.
    let after = ''
    for (let round = 0; round < SWEEP_MAX_ROUNDS * 10; round += 1) {
      const result = await this.collections.run(COLLECTIONS.members, (c) =>
        checked(c.where(after ? { _id: this._.gt(after) } : {}).orderBy('_id', 'asc').limit(FACT_PAGE).field({ _id: true }).get()),
      )
      const ids = documentsOf(result).map((d) => String(d._id))
      await mapBounded(ids, (openid) => this.refreshOne(openid))
      if (ids.length < FACT_PAGE) return
      after = ids[ids.length - 1]
    }
  }

  /**
   * One conditional `update` per flag, written only where the row does not hold it yet (a second
   * sign-up writes nothing). A member with no row yet (registration makes it; a failed refresh
   * may not have) is left to the nightly sweep: telling "no row" from "already set" would cost a read.
   */
  async gainFacts(openid: string, gained: GainedFacts): Promise<void> {
    const flags = (Object.keys(gained) as (keyof GainedFacts)[]).filter((flag) => gained[flag] === true)
    await Promise.all(
      flags.map((flag) =>
        this.collections.run(COLLECTIONS.pipelineFacts, (c) => checked(c.where({ _id: openid, [flag]: this._.neq(true) }).update({ [flag]: true }))),
      ),
    )
  }

  private async refreshOne(openid: string): Promise<void> {
    const member = await getDocument(this.collections, COLLECTIONS.members, openid)
    // A member who withdrew consent is kept on record but not counted (types/privacy.ts).
    if (!member || member.consentWithdrawnAt) {
      await this.collections.run(COLLECTIONS.pipelineFacts, (c) => checked(c.doc(openid).remove()))
      return
    }
    const count = async (name: typeof COLLECTIONS.registrations | typeof COLLECTIONS.demandInterests, where: object) =>
      totalOf(await this.collections.run(name, (c) => checked(c.where(where).count())))
    const [signedUp, firstCheckIn, intent, latest, first] = await Promise.all([
      count(COLLECTIONS.registrations, { openid, status: this._.in(['registered', 'checked_in', 'absent']) }),
      this.collections.run(COLLECTIONS.registrations, (c) =>
        checked(c.where({ openid, status: 'checked_in' }).orderBy('checkedInAt', 'asc').limit(1).field({ checkedInAt: true, updatedAt: true }).get()),
      ),
      count(COLLECTIONS.demandInterests, { openid }),
      this.collections.run(COLLECTIONS.destinations, (c) =>
        checked(c.where({ openid }).orderBy('reportedAt', 'desc').orderBy('_id', 'desc').limit(1).get()),
      ),
      this.collections.run(COLLECTIONS.destinations, (c) => checked(c.where({ openid }).orderBy('reportedAt', 'asc').limit(1).field({ reportedAt: true }).get())),
    ])
    const d = documentsOf(latest)[0] ?? null
    const checkIn = documentsOf(firstCheckIn)[0] ?? null
    const firstReport = documentsOf(first)[0] ?? null
    const month = (iso: string) => iso.slice(0, 7)
    const facts = {
      name: text(member.name),
      university: text(member.university),
      stationId: textOrNull(member.stationId),
      cohort: num(member.graduationYear),
      county: text(member.hometownCounty),
      fields: Array.isArray(member.fields) ? member.fields.map(String) : [],
      joinedAt: text(member.joinedAt),
      isDemo: member.isDemo === true,
      signedUp: signedUp > 0,
      participated: checkIn !== null,
      intent: intent > 0,
      reported: d !== null,
      destinationId: d ? String(d._id) : null,
      destinationStatus: d ? text(d.status) : null,
      workProvince: d ? text(d.workProvince) : null,
      workCity: d ? text(d.workCity) : null,
      workCounty: d ? textOrNull(d.workCounty) : null,
      reasons: d && Array.isArray(d.reasons) ? d.reasons.map(String) : [],
      reportedAt: d ? text(d.reportedAt) : null,
      returned: d !== null && d.isHome === true && d.isWorking === true,
      verified: d !== null && d.verification !== null && typeof d.verification === 'object',
      joinedMonth: month(text(member.joinedAt)),
      participatedMonth: checkIn ? month(text(checkIn.checkedInAt) || text(checkIn.updatedAt)) : null,
      firstReportedMonth: firstReport ? month(text(firstReport.reportedAt)) : null,
      reportedMonth: d ? month(text(d.reportedAt)) : null,
    }
    await this.collections.run(COLLECTIONS.pipelineFacts, (c) => checked(c.doc(openid).set(facts)))
  }

  async saveSnapshot(month: string, stationId: string | null, takenAt: string, overview: string): Promise<boolean> {
    try {
      if (stationId === null) {
        await this.collections.run(COLLECTIONS.pipelineSnapshots, (c) => checked(c.add({ _id: month, month, takenAt, data: overview })))
      } else {
        const _id = `${month}:${stationId}`
        await this.collections.run(COLLECTIONS.pipelineStationSnapshots, (c) => checked(c.add({ _id, month, stationId, takenAt, data: overview })))
      }
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }

  async getSnapshot(month: string, stationId: string | null): Promise<string | null> {
    const doc =
      stationId === null
        ? await getDocument(this.collections, COLLECTIONS.pipelineSnapshots, month)
        : await getDocument(this.collections, COLLECTIONS.pipelineStationSnapshots, `${month}:${stationId}`)
    return doc && typeof doc.data === 'string' ? doc.data : null
  }

  async snapshotMonths(stationId: string | null, limit: number): Promise<string[]> {
    const result =
      stationId === null
        ? await this.collections.run(COLLECTIONS.pipelineSnapshots, (c) =>
            checked(c.where({}).orderBy('_id', 'desc').limit(limit).field({ _id: true }).get()),
          )
        : await this.collections.run(COLLECTIONS.pipelineStationSnapshots, (c) =>
            checked(c.where({ stationId }).orderBy('month', 'desc').limit(limit).field({ month: true }).get()),
          )
    return documentsOf(result).map((d) => (stationId === null ? String(d._id) : text(d.month)))
  }

  async snapshotStations(month: string): Promise<string[]> {
    const stations: string[] = []
    let after = ''
    for (let page = 0; page < SWEEP_MAX_ROUNDS; page += 1) {
      const where = after ? { month, _id: this._.gt(after) } : { month }
      const result = await this.collections.run(COLLECTIONS.pipelineStationSnapshots, (c) =>
        checked(c.where(where).orderBy('_id', 'asc').limit(SNAPSHOT_PAGE).field({ _id: true, stationId: true }).get()),
      )
      const docs = documentsOf(result)
      stations.push(...docs.map((d) => text(d.stationId)))
      if (docs.length < SNAPSHOT_PAGE) break
      after = String(docs[docs.length - 1]._id)
    }
    return stations
  }

  async memo<T>(_key: string, compute: () => Promise<T>): Promise<T> {
    // Function instances share no write counter, so a kept answer could be stale: compute.
    return compute()
  }

  async forgetMember(openid: string): Promise<void> {
    await this.collections.run(COLLECTIONS.destinations, (c) => checked(c.where({ openid }).remove()))
    await this.collections.run(COLLECTIONS.pipelineFacts, (c) => checked(c.doc(openid).remove()))
  }
}

function toMemberRow(d: RawDocument): PipelineMemberRow {
  const province = textOrNull(d.workProvince)
  return {
    openid: String(d._id),
    name: text(d.name),
    university: text(d.university),
    cohort: num(d.cohort),
    county: text(d.county) as PipelineMemberRow['county'],
    stationId: textOrNull(d.stationId),
    joinedAt: text(d.joinedAt),
    destinationId: textOrNull(d.destinationId),
    destinationStatus: textOrNull(d.destinationStatus) as PipelineMemberRow['destinationStatus'],
    workPlace: province ? workPlaceOf({ workProvince: province, workCity: text(d.workCity), workCounty: textOrNull(d.workCounty) }) : '',
    verified: d.verified === true,
    isDemo: d.isDemo === true,
  }
}
