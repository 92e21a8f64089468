import { GONE_NOMINEE, type Materials, type Nomination, type NominationAction, type NominationEvent } from '../../../types'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { newId, newTimeOrderedId } from '../shared/ids'
import { nameVariants, redact } from './blind'
import { materialFileIds } from './materials'
import { transition } from './transitions'

/** Materials with nothing personal left: the texts, photos, files, dates and counts all go. */
const NO_MATERIALS: Materials = {
  birthDate: null,
  deeds: '',
  summary: '',
  photos: [],
  files: [],
  priorHonour: '',
  priorHonourDate: null,
  memberCount: null,
  youthCount: null,
  collectiveName: '',
}

/** Awarded and revoked records keep the event (the league's record of who got what, de-named). */
const KEPT_AS_RECORD = new Set<Nomination['state']>(['awarded', 'revoked'])

/** Tries of a conditioned write that someone else's move got in before. */
const RETRIES = 3

/**
 * Account deletion (`member.deleteMe`), for honours. Safe to run again.
 * - Nominations OF the member: any not yet awarded that may still be withdrawn is withdrawn; every
 *   one is de-named (已注销成员 + the pseudonym), its materials (and their stored files) and university gone; awarded and
 *   revoked records keep the event (award, dates, rank, jury tally, public note). Collective
 *   nominations keep the collective's name on an awarded record: it names a group, not the member.
 * - Nominations BY the member for someone else: stay the nominee's; the nominator becomes the pseudonym.
 * - History lines they acted in: the actor becomes the pseudonym and their note goes; every
 *   de-naming is itself a history line (`forget`), so history is still only added to.
 * - Objections they filed: the text stays (the committee's record); name, phone and openid go. Objections
 *   others filed about their nomination: the member's name is masked in the text.
 * - A juror seat bound to them: unbound, with a new invite code so the old link binds nobody.
 */
export async function forgetHonoursOf(deps: Deps, openid: string, pseudonym: string): Promise<void> {
  const store = deps.store.honours
  // Read before the member record goes (deleteMyAccount removes it last).
  const member = await deps.store.members.get(openid)
  const names = member ? nameVariants(member.name) : []
  for (const n of await store.listNominations({ nomineeOpenid: openid })) {
    // The photos and files go from storage too, before the record stops naming them.
    await deps.files.materials?.remove(materialFileIds(n.materials))
    await rewrite(deps, n.id, pseudonym, (current) => forgetNominee(current, pseudonym))
    for (const o of await store.objectionsOf(n.id)) await store.saveObjection({ ...o, reason: redact(o.reason, names) })
  }
  for (const n of await store.listNominations({ nominatorOpenid: openid })) {
    await rewrite(deps, n.id, pseudonym, (current) => ({ next: { ...current, nominatorOpenid: pseudonym }, action: 'forget' }))
  }
  await store.forgetEventsBy(openid, pseudonym)
  for (const o of await store.objectionsBy(openid)) {
    await store.saveObjection({ ...o, realName: o.kind === 'personal' ? GONE_NOMINEE : o.realName, phone: '', filerOpenid: pseudonym })
  }
  const juror = await store.jurorByOpenid(openid)
  if (juror) await store.saveJuror({ ...juror, openid: null, inviteCode: newId('', 16) })
}

function forgetNominee(n: Nomination, pseudonym: string): { next: Nomination; action: NominationAction | 'forget' } {
  const keepName = KEPT_AS_RECORD.has(n.state) && n.kind === 'collective'
  const denamed: Nomination = {
    ...n,
    nomineeOpenid: pseudonym,
    nomineeName: keepName ? n.nomineeName : GONE_NOMINEE,
    nominatorOpenid: n.nominatorOpenid === n.nomineeOpenid ? pseudonym : n.nominatorOpenid,
    university: '',
    materials: keepName ? { ...NO_MATERIALS, collectiveName: n.materials.collectiveName } : NO_MATERIALS,
  }
  const withdrawal = KEPT_AS_RECORD.has(n.state) ? null : transition(n.state, 'withdraw', ['nominee'])
  if (withdrawal?.ok) return { next: { ...denamed, state: withdrawal.to }, action: 'withdraw' }
  return { next: denamed, action: 'forget' }
}

/** One conditioned write with its history line, read again and retried if someone moved it meanwhile. */
async function rewrite(
  deps: Deps,
  id: string,
  pseudonym: string,
  change: (current: Nomination) => { next: Nomination; action: NominationAction | 'forget' },
): Promise<void> {
  for (let attempt = 0; attempt < RETRIES; attempt += 1) {
    const current = await deps.store.honours.getNomination(id)
    if (!current) return
    const { next, action } = change(current)
    const at = toIsoString(deps.clock.now())
    const event: NominationEvent = {
      id: newTimeOrderedId('he', deps.clock.now()),
      nominationId: id,
      at,
      action,
      from: current.state,
      to: next.state,
      actorOpenid: pseudonym,
      note: action === 'withdraw' ? '成员注销账号，提名撤回' : '成员注销账号，个人信息已隐去',
    }
    if (await deps.store.honours.updateNomination({ ...next, version: current.version + 1, updatedAt: at }, current.version, event)) return
  }
  throw new Error(`nomination ${id} kept changing while its member was being forgotten`)
}
