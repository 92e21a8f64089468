import type { Award, Juror, JuryAssignment, JuryDraw, Nomination, NominationEvent, Objection } from '../../../../types'
import { MAX_NOMINATIONS, type HonourStore, type NominationFilter } from '../../honour/ports'
import { COLLECTIONS, type CollectionName, type Collections } from './collections'
import { checked, documentsOf, updatedCount, type RawDocument } from './database'
import { getDocument } from './docs'

/**
 * Honours over CloudBase: one document per record, `_id` = its id (assignments:
 * `${nominationId}:${jurorId}`), the record's properties as they are. A nomination changes in a
 * transaction that reads its `version`, replaces it whole (`set`) and adds its history event,
 * so concurrent moves cannot both land and history is only ever added to.
 */
const C = COLLECTIONS

function recordOf<T>(doc: RawDocument): T {
  const { _id, ...rest } = doc
  return { ...rest, id: String(_id) } as T
}

function docOf<T extends { id: string }>(record: T): RawDocument {
  const { id, ...rest } = record
  return { _id: id, ...rest }
}

const assignmentId = (a: Pick<JuryAssignment, 'nominationId' | 'jurorId'>) => `${a.nominationId}:${a.jurorId}`

export class CloudBaseHonourStore implements HonourStore {
  constructor(private readonly collections: Collections) {}

  private async put(name: CollectionName, doc: RawDocument): Promise<void> {
    const { _id, ...rest } = doc
    await this.collections.run(name, (c) => checked(c.doc(String(_id)).set(rest)))
  }

  private async find(name: CollectionName, where: object, orderBy: [string, 'asc' | 'desc'][], limit = MAX_NOMINATIONS): Promise<RawDocument[]> {
    return documentsOf(
      await this.collections.run(name, (c) => {
        let q = c.where(where)
        for (const [field, direction] of orderBy) q = q.orderBy(field, direction)
        return checked(q.limit(limit).get())
      }),
    )
  }

  async saveAward(award: Award): Promise<void> {
    await this.put(C.honourAwards, docOf(award))
  }

  async getAward(id: string): Promise<Award | null> {
    const doc = await getDocument(this.collections, C.honourAwards, id)
    return doc ? recordOf<Award>(doc) : null
  }

  async listAwards(): Promise<Award[]> {
    return (await this.find(C.honourAwards, {}, [['createdAt', 'desc'], ['_id', 'desc']])).map((d) => recordOf<Award>(d))
  }

  async insertNomination(n: Nomination, event: NominationEvent): Promise<void> {
    await this.collections.transaction([C.honourNominations, C.honourEvents], async (tx) => {
      await checked(tx.collection(C.honourNominations).add(docOf(n)))
      await checked(tx.collection(C.honourEvents).add(docOf(event)))
    })
  }

  async getNomination(id: string): Promise<Nomination | null> {
    const doc = await getDocument(this.collections, C.honourNominations, id)
    return doc ? recordOf<Nomination>(doc) : null
  }

  async listNominations(filter: NominationFilter): Promise<Nomination[]> {
    const where: Record<string, string> = {}
    if (filter.awardId) where.awardId = filter.awardId
    if (filter.state) where.state = filter.state
    if (filter.nomineeOpenid) where.nomineeOpenid = filter.nomineeOpenid
    if (filter.nominatorOpenid) where.nominatorOpenid = filter.nominatorOpenid
    if (filter.stationId) where.stationId = filter.stationId
    return (await this.find(C.honourNominations, where, [['createdAt', 'asc'], ['_id', 'asc']])).map((d) => recordOf<Nomination>(d))
  }

  async updateNomination(next: Nomination, expectedVersion: number, event: NominationEvent): Promise<boolean> {
    return this.collections.transaction([C.honourNominations, C.honourEvents], async (tx) => {
      const current = documentsOf(await checked(tx.collection(C.honourNominations).doc(next.id).get()))[0]
      if (!current || current.version !== expectedVersion) return false
      const { _id: _ignored, ...rest } = docOf(next)
      await checked(tx.collection(C.honourNominations).doc(next.id).set(rest))
      await checked(tx.collection(C.honourEvents).add(docOf(event)))
      return true
    })
  }

  async eventsOf(nominationId: string): Promise<NominationEvent[]> {
    return (await this.find(C.honourEvents, { nominationId }, [['at', 'asc'], ['_id', 'asc']], 1000)).map((d) => recordOf<NominationEvent>(d))
  }

  /** One conditional update over the lines this openid acted in (index: actorOpenid). */
  async forgetEventsBy(openid: string, pseudonym: string): Promise<void> {
    await this.collections.run(C.honourEvents, (c) => checked(c.where({ actorOpenid: openid }).update({ actorOpenid: pseudonym, note: '' })))
  }

  async saveJuror(juror: Juror): Promise<void> {
    await this.put(C.honourJurors, docOf(juror))
  }

  async getJuror(id: string): Promise<Juror | null> {
    const doc = await getDocument(this.collections, C.honourJurors, id)
    return doc ? recordOf<Juror>(doc) : null
  }

  async listJurors(): Promise<Juror[]> {
    return (await this.find(C.honourJurors, {}, [['createdAt', 'asc'], ['_id', 'asc']], 1000)).map((d) => recordOf<Juror>(d))
  }

  async jurorByOpenid(openid: string): Promise<Juror | null> {
    const [doc] = await this.find(C.honourJurors, { openid }, [], 1)
    return doc ? recordOf<Juror>(doc) : null
  }

  async jurorByCode(code: string): Promise<Juror | null> {
    const [doc] = await this.find(C.honourJurors, { inviteCode: code }, [], 1)
    return doc ? recordOf<Juror>(doc) : null
  }

  /** Conditioned on the juror being unbound; an openid already bound to another juror is refused first. */
  async bindJuror(id: string, openid: string): Promise<boolean> {
    if (await this.jurorByOpenid(openid)) return false
    const result = await this.collections.run(C.honourJurors, (c) => checked(c.where({ _id: id, openid: null }).update({ openid })))
    return updatedCount(result) === 1
  }

  async saveAssignment(a: JuryAssignment): Promise<void> {
    await this.put(C.honourAssignments, { _id: assignmentId(a), ...a })
  }

  async assignmentsOf(nominationId: string): Promise<JuryAssignment[]> {
    return (await this.find(C.honourAssignments, { nominationId }, [['drawOrder', 'asc']], 200)).map(toAssignment)
  }

  async assignmentsOfJuror(jurorId: string): Promise<JuryAssignment[]> {
    return (await this.find(C.honourAssignments, { jurorId }, [['nominationId', 'asc']], 1000)).map(toAssignment)
  }

  async saveDraw(draw: JuryDraw): Promise<void> {
    await this.collections.run(C.honourDraws, (c) => checked(c.add(docOf(draw))))
  }

  async drawsOf(awardId: string): Promise<JuryDraw[]> {
    return (await this.find(C.honourDraws, { awardId }, [['at', 'asc'], ['_id', 'asc']])).map((d) => recordOf<JuryDraw>(d))
  }

  async saveObjection(o: Objection): Promise<void> {
    await this.put(C.honourObjections, docOf(o))
  }

  async objectionsOf(nominationId: string): Promise<Objection[]> {
    return (await this.find(C.honourObjections, { nominationId }, [['createdAt', 'asc'], ['_id', 'asc']], 1000)).map((d) => recordOf<Objection>(d))
  }

  async objectionsBy(filerOpenid: string): Promise<Objection[]> {
    return (await this.find(C.honourObjections, { filerOpenid }, [['createdAt', 'asc'], ['_id', 'asc']])).map((d) => recordOf<Objection>(d))
  }
}

function toAssignment(doc: RawDocument): JuryAssignment {
  const { _id: _ignored, ...rest } = doc
  return rest as unknown as JuryAssignment
}
