import type { ActionName } from './actions'

/**
 * The actions a retry could repeat, declared once for both sides: the app sends each with a
 * requestId (services/api.ts), and the router answers a repeated requestId with the first result
 * instead of acting twice. Every other action is a read.
 */
export const RETRYABLE_WRITES = [
  'taxonomy.saveField',
  'member.register',
  'member.update',
  'member.deleteMine',
  'member.withdrawConsent',
  'member.giveConsent',
  'station.create',
  'station.update',
  'station.close',
  'station.appointHead',
  'station.removeHead',
  'station.import',
  'station.requestJoin',
  'station.cancelRequest',
  'station.leave',
  'station.reviewRequest',
  'station.removeMember',
  'activity.create',
  'activity.update',
  'activity.publish',
  'activity.closeSignUp',
  'activity.cancel',
  'activity.copy',
  'activity.signUp',
  'activity.cancelSignUp',
  'activity.checkIn',
  'activity.markAttendance',
  'policy.create',
  'policy.update',
  'policy.publish',
  'policy.unpublish',
  'policy.import',
  'policy.favorite',
  'demand.create',
  'demand.update',
  'demand.close',
  'demand.import',
  'demand.registerInterest',
  'demand.withdrawInterest',
  'notice.send',
  'notice.withdraw',
  'notice.read',
  'notice.readAll',
  'notice.subscribe',
  'destination.report',
  'destination.verify',
  'competition.save',
  'competition.createTeam',
  'competition.joinTeam',
  'competition.addAdvisor',
  'competition.submit',
  'competition.addJudge',
  'competition.shortlist',
] as const satisfies readonly ActionName[]

const retryable: ReadonlySet<ActionName> = new Set(RETRYABLE_WRITES)

export function isRetryableWrite(action: ActionName): boolean {
  return retryable.has(action)
}
