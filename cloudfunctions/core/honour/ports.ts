import type { Award, Juror, JuryAssignment, JuryDraw, Nomination, NominationEvent, NominationState, Objection } from '../../../types'

export interface NominationFilter {
  awardId?: string
  state?: NominationState
  nomineeOpenid?: string
  nominatorOpenid?: string
  stationId?: string
}

/** At most this many nominations in one listing (an award round has tens to hundreds). */
export const MAX_NOMINATIONS = 500

/**
 * Ports of honours. Nominations change only through `updateNomination`, conditioned on the
 * version read and appending the history event in the same write: history is never rewritten.
 */
export interface HonourStore {
  saveAward(award: Award): Promise<void>
  getAward(id: string): Promise<Award | null>
  /** Newest first. */
  listAwards(): Promise<Award[]>

  /** Stores a new nomination and its first history event. */
  insertNomination(nomination: Nomination, event: NominationEvent): Promise<void>
  getNomination(id: string): Promise<Nomination | null>
  /** Oldest first (by creation), at most MAX_NOMINATIONS. */
  listNominations(filter: NominationFilter): Promise<Nomination[]>
  /**
   * Replaces the nomination when its stored version is `expectedVersion`, appending `event` in
   * the same write; false (nothing written) when someone else changed it meanwhile.
   */
  updateNomination(next: Nomination, expectedVersion: number, event: NominationEvent): Promise<boolean>
  /** Oldest first. */
  eventsOf(nominationId: string): Promise<NominationEvent[]>
  /**
   * Account deletion: every history line this openid acted in names `pseudonym` instead, its
   * note (their own words) emptied. The only change history ever takes; nothing else of a line moves.
   */
  forgetEventsBy(openid: string, pseudonym: string): Promise<void>

  saveJuror(juror: Juror): Promise<void>
  getJuror(id: string): Promise<Juror | null>
  listJurors(): Promise<Juror[]>
  jurorByOpenid(openid: string): Promise<Juror | null>
  jurorByCode(code: string): Promise<Juror | null>
  /** Binds the juror to the openid that redeemed their invite; false when bound already. */
  bindJuror(id: string, openid: string): Promise<boolean>

  /** Inserts or replaces the assignment of (nomination, juror). */
  saveAssignment(assignment: JuryAssignment): Promise<void>
  /** In draw order. */
  assignmentsOf(nominationId: string): Promise<JuryAssignment[]>
  assignmentsOfJuror(jurorId: string): Promise<JuryAssignment[]>

  /** Records a jury draw (never changed afterwards). */
  saveDraw(draw: JuryDraw): Promise<void>
  /** The draws of an award, oldest first, at most MAX_NOMINATIONS. */
  drawsOf(awardId: string): Promise<JuryDraw[]>

  /** Inserts or replaces an objection. */
  saveObjection(objection: Objection): Promise<void>
  /** Oldest first. */
  objectionsOf(nominationId: string): Promise<Objection[]>
  /** Objections this openid filed, oldest first, at most MAX_NOMINATIONS. */
  objectionsBy(filerOpenid: string): Promise<Objection[]>
}
