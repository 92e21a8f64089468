import type { ActionName, ActionPayload, ActionResult } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { deleteMyAccount, registerMember, updateMember } from '../../core/member/members'
import { exportMyData, exportMyDataXlsx, giveConsent, withdrawConsent } from '../../core/member/privacy'
import {
  cancelActivity,
  cancelSignUp,
  checkIn,
  checkInCode,
  closeSignUp,
  copyActivity,
  createActivity,
  exportRegistrations,
  growthRecord,
  listActivities,
  listRegistrations,
  markAttendance,
  myPersonalCode,
  myRegistrations,
  publishActivity,
  signUp,
  updateActivity,
  viewActivity,
} from '../../core/activity/activities'
import { listAudit } from '../../core/audit/audit'
import { pageSize } from '../../core/shared/cursor'
import {
  closeDemand,
  createDemand,
  createPolicy,
  exportInterests,
  favoritePolicy,
  importDemands,
  importPolicies,
  listDemands,
  listInterests,
  matchMine,
  myFavorites,
  registerInterest,
  searchPolicies,
  setPolicyPublished,
  updateDemand,
  updatePolicy,
  viewDemand,
  viewPolicy,
  withdrawInterest,
} from '../../core/policy/policies'
import {
  canManageStation,
  isAnyone,
  isConsentingMember,
  isMember,
  isMemberOrStaff,
  isSignedIn,
  isStaff,
  isStationLeaderOrStaff,
  managesStation,
  notYourStation,
  type Caller,
  type Policy,
} from '../../core/access/access'
import { exportStationMembers, importStations, stationInvite } from '../../core/station/station-files'
import {
  appointLeader,
  cancelJoinRequest,
  closeStation,
  createStation,
  leaveStation,
  listPendingRequests,
  listStationMembers,
  listStations,
  myJoinRequest,
  removeLeader,
  removeStationMember,
  requestToJoin,
  reviewJoinRequest,
  updateStation,
  viewStation,
} from '../../core/station/stations'
import { allFields, listTaxonomy, saveField } from '../../core/taxonomy/taxonomy'
import {
  inbox,
  listNotices,
  noticeStats,
  previewNotice,
  readAllNotices,
  readNotice,
  sendNotice,
  subscribeToNotices,
  unreadNoticeCount,
  withdrawNotice,
} from '../../core/notice/notices'
import {
  dashboardOverview,
  exportPipeline,
  myDestinations,
  pipelineFunnel,
  pipelineMembers,
  reportDestination,
  verifyDestination,
} from '../../core/pipeline/pipeline'

export interface ActionDef<A extends ActionName> {
  /** Checked before the use case runs, on the server-resolved caller. */
  policy: Policy<ActionPayload<A>>
  run(deps: Deps, caller: Caller, input: ActionPayload<A>): Promise<ActionResult<A>>
}

type ActionTable = { [A in ActionName]: ActionDef<A> }

/** Its leaders and staff, or its own members: who may pass a station's invite on. */
const invitesToStation: Policy<{ id: string }> = (caller, input) => {
  if (canManageStation(caller, input.id)) return null
  return isMember(caller, input) ?? (caller.member?.stationId === input.id ? null : notYourStation())
}

/** Every action of the `api` function: its policy and its use case. Schemas live in `types/`. */
export const actionTable: ActionTable = {
  'system.ping': {
    policy: isAnyone,
    run: async (deps) => ({ pong: true, time: toIsoString(deps.clock.now()) }),
  },
  'taxonomy.list': {
    policy: isAnyone,
    run: (deps) => listTaxonomy(deps),
  },
  'taxonomy.saveField': {
    policy: isStaff,
    run: (deps, _caller, input) => saveField(deps, input),
  },
  'taxonomy.fields': {
    policy: isStaff,
    run: (deps) => allFields(deps),
  },
  'member.register': {
    policy: isSignedIn,
    run: registerMember,
  },
  'member.me': {
    policy: isSignedIn,
    run: async (_deps, caller) => caller.member,
  },
  'member.update': {
    policy: isMember,
    run: updateMember,
  },
  'member.exportMine': {
    policy: isMember,
    run: exportMyData,
  },
  'member.exportMineXlsx': {
    policy: isMember,
    run: exportMyDataXlsx,
  },
  'member.withdrawConsent': {
    policy: isMember,
    run: withdrawConsent,
  },
  'member.giveConsent': {
    policy: isMember,
    run: giveConsent,
  },
  'member.deleteMine': {
    policy: isMember,
    run: deleteMyAccount,
  },
  'station.list': { policy: isAnyone, run: listStations },
  'station.get': { policy: isAnyone, run: viewStation },
  'station.create': { policy: isStaff, run: createStation },
  'station.update': { policy: isStaff, run: updateStation },
  'station.close': { policy: isStaff, run: closeStation },
  'station.appointHead': { policy: isStaff, run: appointLeader },
  'station.removeHead': { policy: isStaff, run: removeLeader },
  'station.import': { policy: isStaff, run: importStations },
  'station.requestJoin': { policy: isConsentingMember, run: requestToJoin },
  'station.cancelRequest': { policy: isMember, run: cancelJoinRequest },
  'station.leave': { policy: isMember, run: leaveStation },
  'station.myRequest': { policy: isMember, run: myJoinRequest },
  'station.pendingRequests': { policy: managesStation, run: (deps, _caller, input) => listPendingRequests(deps, input) },
  'station.reviewRequest': { policy: isStationLeaderOrStaff, run: reviewJoinRequest },
  'station.members': { policy: managesStation, run: (deps, _caller, input) => listStationMembers(deps, input) },
  'station.removeMember': { policy: managesStation, run: removeStationMember },
  'station.exportMembers': { policy: managesStation, run: exportStationMembers },
  'station.invite': { policy: invitesToStation, run: (deps, _caller, input) => stationInvite(deps, input) },
  'audit.list': { policy: isStaff, run: (deps, _caller, input) => listAudit(deps, input) },
  'activity.list': { policy: isAnyone, run: listActivities },
  'activity.get': { policy: isAnyone, run: viewActivity },
  // Staff, or a head for their own station (the use case pins the station).
  'activity.create': { policy: isStationLeaderOrStaff, run: createActivity },
  'activity.update': { policy: isStationLeaderOrStaff, run: updateActivity },
  'activity.publish': { policy: isStationLeaderOrStaff, run: publishActivity },
  'activity.closeSignUp': { policy: isStationLeaderOrStaff, run: closeSignUp },
  'activity.cancel': { policy: isStationLeaderOrStaff, run: cancelActivity },
  'activity.copy': { policy: isStationLeaderOrStaff, run: copyActivity },
  'activity.signUp': { policy: isConsentingMember, run: signUp },
  'activity.cancelSignUp': { policy: isMember, run: cancelSignUp },
  'activity.myRegistrations': { policy: isMember, run: myRegistrations },
  // Helpers are plain members: the use case checks the activity's own list.
  'activity.registrations': { policy: isMemberOrStaff, run: listRegistrations },
  'activity.exportRegistrations': { policy: isStationLeaderOrStaff, run: exportRegistrations },
  'activity.checkInCode': { policy: isMemberOrStaff, run: checkInCode },
  'activity.checkIn': { policy: isMemberOrStaff, run: checkIn },
  'activity.myCheckInCode': { policy: isMember, run: (deps, caller) => myPersonalCode(deps, caller) },
  'activity.markAttendance': { policy: isStationLeaderOrStaff, run: markAttendance },
  'activity.growthRecord': { policy: isMember, run: growthRecord },
  'policy.search': { policy: isAnyone, run: searchPolicies },
  'policy.get': { policy: isAnyone, run: viewPolicy },
  'policy.create': { policy: isStaff, run: createPolicy },
  'policy.update': { policy: isStaff, run: updatePolicy },
  'policy.publish': { policy: isStaff, run: (deps, caller, input) => setPolicyPublished(deps, caller, input.id, true) },
  'policy.unpublish': { policy: isStaff, run: (deps, caller, input) => setPolicyPublished(deps, caller, input.id, false) },
  'policy.import': { policy: isStaff, run: importPolicies },
  'policy.matchMine': { policy: isConsentingMember, run: matchMine },
  'policy.favorite': { policy: isConsentingMember, run: favoritePolicy },
  'policy.myFavorites': { policy: isMember, run: myFavorites },
  'demand.list': { policy: isAnyone, run: listDemands },
  'demand.get': { policy: isAnyone, run: viewDemand },
  'demand.create': { policy: isStaff, run: createDemand },
  'demand.update': { policy: isStaff, run: updateDemand },
  'demand.close': { policy: isStaff, run: closeDemand },
  'demand.import': { policy: isStaff, run: importDemands },
  'demand.registerInterest': { policy: isConsentingMember, run: registerInterest },
  'demand.withdrawInterest': { policy: isMember, run: withdrawInterest },
  'demand.interests': { policy: isStaff, run: listInterests },
  'demand.exportInterests': { policy: isStaff, run: exportInterests },
  'message.outbox': {
    policy: isMember,
    run: async (deps, caller, input) => {
      const page = await deps.store.messages.sentTo(caller.openid ?? '', input.cursor ?? null, pageSize(input.limit))
      return { items: page.items.map(({ openid: _openid, ...message }) => message), nextCursor: page.nextCursor }
    },
  },
  // Staff to any audience; a head to their own station (the use case pins it); students never.
  'notice.preview': { policy: isStationLeaderOrStaff, run: previewNotice },
  'notice.send': { policy: isStationLeaderOrStaff, run: sendNotice },
  'notice.withdraw': { policy: isStationLeaderOrStaff, run: withdrawNotice },
  'notice.list': { policy: isStationLeaderOrStaff, run: listNotices },
  'notice.stats': { policy: isStationLeaderOrStaff, run: noticeStats },
  'notice.inbox': { policy: isMember, run: inbox },
  'notice.read': { policy: isMember, run: readNotice },
  'notice.readAll': { policy: isMember, run: (deps, caller) => readAllNotices(deps, caller) },
  'notice.unreadCount': { policy: isMember, run: (deps, caller) => unreadNoticeCount(deps, caller) },
  'notice.subscribe': { policy: isConsentingMember, run: (deps, caller) => subscribeToNotices(deps, caller) },
  // The talent pipeline back home (issue 14): figures scoped and suppressed in core/pipeline.
  'destination.report': {
    policy: isConsentingMember,
    run: reportDestination,
  },
  'destination.mine': {
    policy: isMember,
    run: (deps, caller) => myDestinations(deps, caller),
  },
  'destination.verify': {
    policy: isStaff,
    run: verifyDestination,
  },
  'pipeline.funnel': {
    policy: isStationLeaderOrStaff,
    run: pipelineFunnel,
  },
  'pipeline.members': {
    policy: isStationLeaderOrStaff,
    run: pipelineMembers,
  },
  'pipeline.export': {
    policy: isStationLeaderOrStaff,
    run: exportPipeline,
  },
  'dashboard.overview': {
    policy: isStationLeaderOrStaff,
    run: dashboardOverview,
  },
}
