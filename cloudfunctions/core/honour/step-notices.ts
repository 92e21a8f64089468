import type { Nomination, NominationAction } from '../../../types'
import type { Caller } from '../access/access'
import type { Deps } from '../shared/context'
import { notifyNominee } from './after-award'

type Step = (n: Nomination, note: string) => { title: string; body: string }

const withNote = (text: string, note: string) => (note ? `${text}说明：${note}` : text)
const notAwarded: Step = (n, note) => ({ title: `${n.awardName}评选结果`, body: withNote(`很遗憾，你本次未获评“${n.awardName}”。感谢你的参与，期待你继续成长。`, note) })

/**
 * The steps of a nomination the nominee hears about in their inbox, by the action taken: submitted,
 * returned for revision, shortlisted, 公示, awarded, and not awarded (wherever the process ends short
 * of the award). Other moves (publicity, screening passed…) show in the nomination's history only.
 */
export const STEP_NOTICES: Partial<Record<NominationAction, Step>> = {
  submit: (n) => ({ title: `你的${n.awardName}提名已提交`, body: `你的“${n.awardName}”提名材料已提交，将在所在单位内公示后推荐。` }),
  return: (n, note) => ({ title: `${n.awardName}提名被退回修改`, body: withNote(`你的“${n.awardName}”提名被退回修改，请修改材料后重新提交。`, note) }),
  shortlist: (n) => ({ title: `你已入围${n.awardName}`, body: `经评审，你已入围“${n.awardName}”，即将公示。` }),
  publish_notice: (n) => ({
    title: `${n.awardName}公示开始`,
    body: `你的“${n.awardName}”入围公示${n.notice ? `自${n.notice.start}至${n.notice.end}` : '已开始'}。`,
  }),
  award: (n) => ({ title: `恭喜你获得${n.awardName}`, body: `你已被授予“${n.awardName}”，荣誉已记入你的翼展档案。` }),
  unit_reject: notAwarded,
  screen_reject: notAwarded,
  not_shortlist: notAwarded,
  // The check of objections is private: the nominee hears the result, not the committee's note.
  uphold_objection: (n) => notAwarded(n, ''),
}

/** Sends the nominee the inbox item of this step, if it is one they hear about. */
export async function notifyStep(deps: Deps, caller: Caller, action: NominationAction, next: Nomination, note: string): Promise<void> {
  const step = STEP_NOTICES[action]
  if (!step) return
  const { title, body } = step(next, note)
  await notifyNominee(deps, caller, next, title, body)
}
