import type { ActionName, ActionPayload, ActionResult } from '../../../types'
import { toIsoString } from '../../core/shared/clock'
import type { Deps } from '../../core/shared/context'
import { confirmUniversity, deleteMyAccount, registerMember, universityMatchOf, updateMember } from '../../core/member/members'
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
import { listAudit, listAuditActors } from '../../core/audit/audit'
import {
  cancelPublicSignUp,
  deleteMyPublicData,
  exportMyPublicData,
  listPublicRegistrations,
  myPublicSignUp,
  publicCheckIn,
  publicSignUp,
} from '../../core/platform/outreach'
import { myOutbox } from '../../core/messaging/outbox'
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
  isPlatformPush,
  isConsentingMember,
  isConsentingMemberOrStaff,
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
import { searchUniversities } from '../../core/taxonomy/universities'
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
import * as honours from '../../core/honour/honours'
import * as jury from '../../core/honour/jury'
import {
  applyMediaCheck,
  consentToStory,
  createStory,
  featureStory,
  myStories,
  retractStory,
  reviewQueue,
  reviewStory,
  storyFeed,
  storyPosterCode,
  submitStory,
  updateStory,
  viewStory,
} from '../../core/story/stories'
import { archivePlatform, createPlatform, importPlatforms, listPlatforms, updatePlatform, viewPlatform } from '../../core/platform/platforms'
import {
  acceptInvite,
  addContact,
  inviteContact,
  listContacts,
  memberCandidates,
  myPlatforms,
  pendingDemandDrafts,
  removeContact,
  reviewDemandDraft,
  submitActivity,
  submitDemand,
} from '../../core/platform/contacts'

import {
  approveSurvey,
  closeSurvey,
  createSurvey,
  listSurveys,
  mySurveys,
  publishSurvey,
  remindSurvey,
  saveSurveyDraft,
  submitSurvey,
  surveyRespondents,
  submitSurveyLink,
  viewSurveyLink,
  myFeedback,
  updateSurvey,
  viewSurvey,
} from '../../core/survey/surveys'
import { exportSurvey, surveyResults } from '../../core/survey/results'
import * as competition from '../../core/competition/competitions'
import * as competitionPublicity from '../../core/competition/publicity'

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

/**
 * One row of the table: who may call the action (a rule from `core/access/`) and the use case it
 * runs. The action is the row's key, which fixes the payload and result types of both.
 */
function allow<A extends ActionName>(policy: Policy<ActionPayload<A>>, run: ActionDef<A>['run']): ActionDef<A> {
  return { policy, run }
}

/** Every action of the `api` function: its policy and its use case. Schemas live in `types/`. */
export const actionTable: ActionTable = {
  // System and taxonomy — core/taxonomy/taxonomy.ts
  'system.ping': allow(isAnyone, async (deps) => ({ pong: true, time: toIsoString(deps.clock.now()) })),
  'taxonomy.list': allow(isAnyone, (deps) => listTaxonomy(deps)),
  'taxonomy.saveField': allow(isStaff, (deps, _caller, input) => saveField(deps, input)),
  'taxonomy.fields': allow(isStaff, (deps) => allFields(deps)),
  'taxonomy.universities': allow(isSignedIn, async (_deps, _caller, input) => searchUniversities(input.q, input.limit ?? 10)),
  // Members and their personal data — core/member/members.ts, core/member/privacy.ts
  'member.register': allow(isSignedIn, registerMember),
  'member.me': allow(isSignedIn, async (_deps, caller) => caller.member),
  'member.update': allow(isMember, updateMember),
  'member.universityMatch': allow(isMember, universityMatchOf),
  'member.confirmUniversity': allow(isMember, confirmUniversity),
  'member.exportMine': allow(isMember, exportMyData),
  'member.exportMineXlsx': allow(isMember, exportMyDataXlsx),
  'member.withdrawConsent': allow(isMember, withdrawConsent),
  'member.giveConsent': allow(isMember, giveConsent),
  'member.deleteMine': allow(isMember, deleteMyAccount),
  // Stations, their leaders and members — core/station/stations.ts, core/station/station-files.ts
  'station.list': allow(isAnyone, listStations),
  'station.get': allow(isAnyone, viewStation),
  'station.create': allow(isStaff, createStation),
  'station.update': allow(isStaff, updateStation),
  'station.close': allow(isStaff, closeStation),
  'station.appointHead': allow(isStaff, appointLeader),
  'station.removeHead': allow(isStaff, removeLeader),
  'station.import': allow(isStaff, importStations),
  'station.requestJoin': allow(isConsentingMember, requestToJoin),
  'station.cancelRequest': allow(isMember, cancelJoinRequest),
  'station.leave': allow(isMember, leaveStation),
  'station.myRequest': allow(isMember, myJoinRequest),
  'station.pendingRequests': allow(managesStation, (deps, _caller, input) => listPendingRequests(deps, input)),
  'station.reviewRequest': allow(isStationLeaderOrStaff, reviewJoinRequest),
  'station.members': allow(managesStation, (deps, _caller, input) => listStationMembers(deps, input)),
  'station.removeMember': allow(managesStation, removeStationMember),
  'station.exportMembers': allow(managesStation, exportStationMembers),
  'station.invite': allow(invitesToStation, (deps, _caller, input) => stationInvite(deps, input)),
  // The audit log — core/audit/audit.ts
  'audit.list': allow(isStaff, (deps, _caller, input) => listAudit(deps, input)),
  'audit.actors': allow(isStaff, (deps) => listAuditActors(deps)),
  // Activities, sign-ups, check-in and the growth record — core/activity/activities.ts
  'activity.list': allow(isAnyone, listActivities),
  'activity.get': allow(isAnyone, viewActivity),
  // Staff, or a head for their own station (the use case pins the station).
  'activity.create': allow(isStationLeaderOrStaff, createActivity),
  'activity.update': allow(isStationLeaderOrStaff, updateActivity),
  'activity.publish': allow(isStationLeaderOrStaff, publishActivity),
  'activity.closeSignUp': allow(isStationLeaderOrStaff, closeSignUp),
  'activity.cancel': allow(isStationLeaderOrStaff, cancelActivity),
  'activity.copy': allow(isStationLeaderOrStaff, copyActivity),
  'activity.signUp': allow(isConsentingMember, signUp),
  'activity.cancelSignUp': allow(isMember, cancelSignUp),
  'activity.myRegistrations': allow(isMember, myRegistrations),
  // Helpers are plain members: the use case checks the activity's own list.
  'activity.registrations': allow(isMemberOrStaff, listRegistrations),
  'activity.exportRegistrations': allow(isStationLeaderOrStaff, exportRegistrations),
  'activity.checkInCode': allow(isMemberOrStaff, checkInCode),
  'activity.checkIn': allow(isMemberOrStaff, checkIn),
  'activity.myCheckInCode': allow(isMember, (deps, caller) => myPersonalCode(deps, caller)),
  'activity.markAttendance': allow(isStationLeaderOrStaff, markAttendance),
  'activity.growthRecord': allow(isMember, growthRecord),
  // 招才引智 policies — core/policy/policies.ts
  'policy.search': allow(isAnyone, searchPolicies),
  'policy.get': allow(isAnyone, viewPolicy),
  'policy.create': allow(isStaff, createPolicy),
  'policy.update': allow(isStaff, updatePolicy),
  'policy.publish': allow(isStaff, (deps, caller, input) => setPolicyPublished(deps, caller, input.id, true)),
  'policy.unpublish': allow(isStaff, (deps, caller, input) => setPolicyPublished(deps, caller, input.id, false)),
  'policy.import': allow(isStaff, importPolicies),
  'policy.matchMine': allow(isConsentingMember, matchMine),
  'policy.favorite': allow(isConsentingMember, favoritePolicy),
  'policy.myFavorites': allow(isMember, myFavorites),
  // Enterprise demands and members' interest in them — core/policy/policies.ts
  'demand.list': allow(isAnyone, listDemands),
  'demand.get': allow(isAnyone, viewDemand),
  'demand.create': allow(isStaff, createDemand),
  'demand.update': allow(isStaff, updateDemand),
  'demand.close': allow(isStaff, closeDemand),
  'demand.import': allow(isStaff, importDemands),
  'demand.registerInterest': allow(isConsentingMember, registerInterest),
  'demand.withdrawInterest': allow(isMember, withdrawInterest),
  'demand.interests': allow(isStaff, listInterests),
  'demand.exportInterests': allow(isStaff, exportInterests),
  // Subscription messages sent to me — core/messaging/outbox.ts
  'message.outbox': allow(isMember, myOutbox),
  // Notices and the inbox — core/notice/notices.ts
  // Staff to any audience; a head to their own station (the use case pins it); students never.
  'notice.preview': allow(isStationLeaderOrStaff, previewNotice),
  'notice.send': allow(isStationLeaderOrStaff, sendNotice),
  'notice.withdraw': allow(isStationLeaderOrStaff, withdrawNotice),
  'notice.list': allow(isStationLeaderOrStaff, listNotices),
  'notice.stats': allow(isStationLeaderOrStaff, noticeStats),
  'notice.inbox': allow(isMember, inbox),
  'notice.read': allow(isMember, readNotice),
  'notice.readAll': allow(isMember, (deps, caller) => readAllNotices(deps, caller)),
  'notice.unreadCount': allow(isMember, (deps, caller) => unreadNoticeCount(deps, caller)),
  'notice.subscribe': allow(isConsentingMember, (deps, caller) => subscribeToNotices(deps, caller)),
  // The talent pipeline back home: figures scoped and suppressed — core/pipeline/
  'destination.report': allow(isConsentingMember, reportDestination),
  'destination.mine': allow(isMember, (deps, caller) => myDestinations(deps, caller)),
  'destination.verify': allow(isStaff, verifyDestination),
  'pipeline.funnel': allow(isStationLeaderOrStaff, pipelineFunnel),
  'pipeline.members': allow(isStationLeaderOrStaff, pipelineMembers),
  'pipeline.export': allow(isStationLeaderOrStaff, exportPipeline),
  'dashboard.overview': allow(isStationLeaderOrStaff, dashboardOverview),
  // Honours 评优评先 — core/honour/. The table (transitions.ts) decides who may move a nomination;
  // these policies only keep out those who can never take part in the action.
  'honour.awardCreate': allow(isStaff, honours.createAward),
  'honour.awardUpdate': allow(isStaff, honours.updateAward),
  'honour.awardClose': allow(isStaff, honours.closeAward),
  'honour.awards': allow(isAnyone, (deps) => honours.listAwards(deps)),
  'honour.award': allow(isAnyone, (deps, _caller, input) => honours.viewAward(deps, input)),
  'honour.nominate': allow(isConsentingMemberOrStaff, honours.nominate),
  'honour.confirm': allow(isMember, honours.confirmNomination),
  'honour.submit': allow(isMemberOrStaff, honours.submitNomination),
  'honour.return': allow(isStationLeaderOrStaff, honours.simpleMove('return')),
  'honour.withdraw': allow(isMemberOrStaff, honours.simpleMove('withdraw')),
  'honour.revise': allow(isMemberOrStaff, honours.reviseNomination),
  'honour.startPublicity': allow(isStationLeaderOrStaff, honours.startPublicity),
  'honour.unitDecide': allow(isStationLeaderOrStaff, honours.unitDecide),
  'honour.recommend': allow(managesStation, honours.recommend),
  'honour.screen': allow(isStaff, honours.screen),
  'honour.jurorCreate': allow(isStaff, honours.createJuror),
  'honour.jurors': allow(isStaff, (deps) => honours.listJurors(deps)),
  // Jurors need no member profile: signed in, then the use case finds the juror by openid.
  'honour.redeemInvite': allow(isSignedIn, honours.redeemInvite),
  'honour.drawJury': allow(isStaff, jury.drawJury),
  'honour.drawRound': allow(isStaff, jury.drawRound),
  'honour.draws': allow(isStaff, (deps, _caller, input) => jury.listDraws(deps, input)),
  'honour.declare': allow(isSignedIn, jury.declare),
  'honour.myReviews': allow(isSignedIn, (deps, caller) => honours.myReviews(deps, caller)),
  'honour.score': allow(isSignedIn, honours.score),
  'honour.tally': allow(isStaff, honours.tally),
  'honour.publishNotice': allow(isStaff, honours.publishNotice),
  'honour.noticeList': allow(isAnyone, (deps, _caller, input) => honours.noticeList(deps, input)),
  'honour.object': allow(isSignedIn, honours.object),
  'honour.objections': allow(isStaff, (deps, _caller, input) => honours.listObjections(deps, input)),
  'honour.resolveObjections': allow(isStaff, honours.resolveObjections),
  'honour.closeNotice': allow(isStaff, honours.closeNotice),
  'honour.grant': allow(isStaff, honours.grant),
  'honour.revoke': allow(isStaff, honours.revoke),
  'honour.results': allow(isAnyone, (deps, _caller, input) => honours.results(deps, input)),
  'honour.get': allow(isMemberOrStaff, honours.viewNomination),
  'honour.list': allow(isMemberOrStaff, honours.listNominations),
  'honour.mine': allow(isMember, (deps, caller) => honours.honoursOf(deps, caller.openid ?? '')),
  // Stories of young talent — core/story/stories.ts (author, subject and reviewer checked there).
  'story.create': allow(isMemberOrStaff, createStory),
  'story.update': allow(isMemberOrStaff, updateStory),
  'story.submit': allow(isMemberOrStaff, submitStory),
  'story.consent': allow(isMember, consentToStory),
  'story.review': allow(isStaff, reviewStory),
  'story.retract': allow(isMemberOrStaff, retractStory),
  'story.feature': allow(isStaff, featureStory),
  'story.feed': allow(isAnyone, storyFeed),
  'story.get': allow(isAnyone, viewStory),
  'story.mine': allow(isMemberOrStaff, myStories),
  'story.queue': allow(isStaff, reviewQueue),
  'story.posterCode': allow(isAnyone, storyPosterCode),
  // WeChat's message push carries no caller (a signed-in user is refused); the unguessable trace id
  // is the check (stories.ts).
  'story.mediaCheckEvent': allow(isPlatformPush, applyMediaCheck),
  // 家乡创新平台: everyone browses, staff manage — core/platform/platforms.ts
  'platform.list': allow(isAnyone, listPlatforms),
  'platform.get': allow(isAnyone, viewPlatform),
  'platform.create': allow(isStaff, createPlatform),
  'platform.update': allow(isStaff, updatePlatform),
  'platform.archive': allow(isStaff, archivePlatform),
  'platform.import': allow(isStaff, importPlatforms),
  // Platform contacts: staff name them; a contact drafts for their own platform only (the use case
  // checks the contact relation on every call), and staff approve — core/platform/contacts.ts
  'platform.addContact': allow(isStaff, addContact),
  'platform.removeContact': allow(isStaff, removeContact),
  'platform.inviteContact': allow(isStaff, inviteContact),
  'platform.acceptInvite': allow(isSignedIn, acceptInvite),
  'platform.contacts': allow(isStaff, (deps, _caller, input) => listContacts(deps, input)),
  'platform.memberCandidates': allow(isStaff, (deps, _caller, input) => memberCandidates(deps, input)),
  'platform.mine': allow(isSignedIn, (deps, caller) => myPlatforms(deps, caller)),
  'platform.submitActivity': allow(isSignedIn, submitActivity),
  'platform.submitDemand': allow(isSignedIn, submitDemand),
  'platform.demandDrafts': allow(isStaff, (deps, _caller, input) => pendingDemandDrafts(deps, input)),
  'platform.reviewDemand': allow(isStaff, reviewDemandDraft),
  // 面向公众/青少年: anyone signed in (no member profile needed) signs up for an open-to-public
  // activity and sees or cancels their own; the activity's managers list them — core/platform/outreach.ts
  'platform.publicSignUp': allow(isSignedIn, publicSignUp),
  'platform.myPublicSignUp': allow(isSignedIn, myPublicSignUp),
  'platform.cancelPublicSignUp': allow(isSignedIn, cancelPublicSignUp),
  'platform.publicCheckIn': allow(isSignedIn, publicCheckIn),
  'platform.publicRegistrations': allow(isMemberOrStaff, listPublicRegistrations),
  'platform.exportMyPublicData': allow(isSignedIn, exportMyPublicData),
  'platform.deleteMyPublicData': allow(isSignedIn, deleteMyPublicData),
  // Surveys — core/survey/. Staff, or a head for their own station (the use case pins it);
  // approval by a second staff member; members answer the surveys sent to them.
  'survey.create': allow(isStationLeaderOrStaff, createSurvey),
  'survey.update': allow(isStationLeaderOrStaff, updateSurvey),
  'survey.approve': allow(isStaff, approveSurvey),
  'survey.publish': allow(isStationLeaderOrStaff, publishSurvey),
  'survey.close': allow(isStationLeaderOrStaff, closeSurvey),
  'survey.list': allow(isStationLeaderOrStaff, listSurveys),
  'survey.get': allow(isMemberOrStaff, viewSurvey),
  'survey.saveDraft': allow(isMember, saveSurveyDraft),
  'survey.submit': allow(isConsentingMember, submitSurvey),
  // A public link: anyone signed in holding its token (member or not); answers carry no id.
  'survey.linkGet': allow(isSignedIn, viewSurveyLink),
  'survey.linkSubmit': allow(isSignedIn, submitSurveyLink),
  'survey.mine': allow(isMember, mySurveys),
  'survey.myFeedback': allow(isMember, myFeedback),
  'survey.respondents': allow(isStationLeaderOrStaff, surveyRespondents),
  'survey.remind': allow(isStationLeaderOrStaff, remindSurvey),
  'survey.results': allow(isStationLeaderOrStaff, surveyResults),
  'survey.export': allow(isStationLeaderOrStaff, exportSurvey),
  // Competitions — core/competition/competitions.ts. Team rules are checked in the use cases
  // (leader, member, frozen, deadlines); judges are external: signed in, bound by invite code.
  'competition.list': allow(isAnyone, (deps, caller) => competition.listCompetitions(deps, caller)),
  'competition.get': allow(isAnyone, competition.viewCompetition),
  'competition.save': allow(isStaff, competition.saveCompetition),
  'competition.createTeam': allow(isConsentingMember, competition.createTeam),
  'competition.previewInvite': allow(isMember, competition.previewByCode),
  'competition.inviteImage': allow(isMember, competition.teamInviteImage),
  'competition.joinTeam': allow(isConsentingMember, competition.joinTeam),
  'competition.confirm': allow(isConsentingMember, competition.confirmMembership),
  'competition.removeMember': allow(isMember, competition.removeMember),
  'competition.reorder': allow(isMember, competition.reorderMembers),
  'competition.setLeader': allow(isMember, competition.setLeader),
  'competition.addAdvisor': allow(isMember, competition.addAdvisor),
  'competition.removeAdvisor': allow(isMember, competition.removeAdvisor),
  'competition.updateTeam': allow(isMember, competition.updateTeam),
  'competition.sign': allow(isConsentingMember, competition.signChecklist),
  'competition.submit': allow(isConsentingMember, competition.submitVersion),
  'competition.myTeams': allow(isMember, (deps, caller) => competition.myTeams(deps, caller)),
  'competition.team': allow(isMemberOrStaff, competition.getTeam),
  'competition.myRecord': allow(isMember, (deps, caller) => competition.myRecord(deps, caller)),
  'competition.teams': allow(isStaff, competition.listTeams),
  'competition.freeze': allow(isStaff, competition.freezeTeam),
  'competition.addJudge': allow(isStaff, competition.addJudge),
  'competition.judges': allow(isStaff, competition.listJudges),
  'competition.assign': allow(isStaff, competition.assign),
  'competition.redeemJudge': allow(isSignedIn, competition.redeemJudge),
  'competition.judgeProjects': allow(isSignedIn, competition.judgeProjects),
  'competition.score': allow(isSignedIn, competition.scoreProject),
  'competition.results': allow(isStaff, competition.results),
  'competition.shortlist': allow(isStaff, competition.shortlist),
  'competition.award': allow(isStaff, competition.giveAward),
  'competition.talent': allow(isStaff, competition.talentLeads),
  'competition.withdraw': allow(isMember, competition.withdrawTeam),
  'competition.handOver': allow(isMemberOrStaff, competition.handOverTeam),
  'competition.certificate': allow(isMember, competition.certificate),
  'competition.checkRules': allow(isStaff, competition.checkRules),
  'competition.refuseSubmission': allow(isStaff, competition.refuseSubmission),
  'competition.publishResults': allow(isStaff, competitionPublicity.publishResults),
  'competition.resultNotices': allow(isAnyone, (deps) => competitionPublicity.resultNotices(deps)),
  'competition.objectResult': allow(isSignedIn, competitionPublicity.objectResult),
  'competition.resultObjections': allow(isStaff, (deps, _caller, input) => competitionPublicity.resultObjections(deps, input)),
  'competition.resolveResultObjection': allow(isStaff, competitionPublicity.resolveResultObjection),
}
