import * as z from 'zod'
import type { Member, UniversityMatch } from './member'
import type { MemberExport } from './member-export'
import { confirmUniversityInput, giveConsentInput, registerMemberInput, updateMemberInput } from './member'
import type {
  Activity,
  ActivityView,
  CheckInCode,
  GrowthRecord,
  MyActivity,
  Registration,
  RegistrationLine,
  SignUpResult,
} from './activity'
import {
  activityIdInput,
  activityListInput,
  activityRefInput,
  cancelActivityInput,
  checkInInput,
  createActivityInput,
  exportRegistrationsInput,
  markAttendanceInput,
  registrationsInput,
  signUpInput,
  updateActivityInput,
} from './activity'
import type { AuditActor, AuditLine } from './audit'
import type { Demand, DemandView, Interest, Match, Policy, PolicyHit, PolicyView } from './policy'
import {
  createDemandInput,
  createPolicyInput,
  demandIdInput,
  demandListInput,
  demandPageInput,
  favoriteInput,
  policyIdInput,
  policySearchInput,
  registerInterestInput,
  updateDemandInput,
  updatePolicyInput,
} from './policy'
import { auditListInput } from './audit'
import type {
  ExportFile,
  ImportReport,
  Invite,
  JoinRequest,
  JoinRequestForReview,
  Station,
  StationMember,
  StationSummary,
  StationView,
} from './station'
import {
  appointHeadInput,
  cancelRequestInput,
  closeStationInput,
  createStationInput,
  exportMembersInput,
  pendingRequestsInput,
  removeHeadInput,
  removeMemberInput,
  requestJoinInput,
  reviewRequestInput,
  stationIdInput,
  stationListInput,
  pageInput,
  stationMembersInput,
  updateStationInput,
} from './station'
import type { FieldItem, TaxonomyList, UniversityOption } from './taxonomy'
import type { MySurvey, Respondent, SubmitSurveyResult, Survey, SurveyFeedbackEntry, SurveyForMember, SurveyResults, SurveyView } from './survey'
import {
  createSurveyInput,
  respondentsInput,
  saveDraftInput,
  submitSurveyInput,
  submitSurveyLinkInput,
  surveyIdInput,
  surveyLinkInput,
  surveyListInput,
  surveyResultsInput,
  updateSurveyInput,
} from './survey'
import type { InboxNotice, Notice, NoticeStats } from './notice'
import { noticeIdInput, noticeInboxInput, noticeListInput, previewNoticeInput, sendNoticeInput } from './notice'
import type { Page } from './envelope'
import { emptyInput, text } from './validation'
import { importDemandsInput, importPlatformsInput, importPoliciesInput, importStationsInput } from './imports'
import type { DemandDraft, MyPlatforms, Platform, PlatformContactPerson, PlatformInvite, PlatformMemberCandidate, PlatformView } from './platform'
import {
  acceptInviteInput,
  createPlatformInput,
  inviteContactInput,
  platformContactInput,
  platformMemberSearchInput,
  platformIdInput,
  platformListInput,
  platformRefInput,
  reviewDemandDraftInput,
  updatePlatformInput,
} from './platform'
import type { MyPublicSignUp, PublicDataExport, PublicRegistration, PublicRegistrationLine } from './outreach'
import { cancelPublicSignUpInput, publicActivityRefInput, publicCheckInInput, publicRegistrationsInput, publicSignUpInput } from './outreach'
import type { DestinationRecord, MyDestinations, PipelineMembersPage } from './pipeline'
import type { FunnelWire, OverviewWire } from './pipeline-wire'
import type { PublicStory, Story, StoryView } from './story'
import {
  consentStoryInput,
  createStoryInput,
  featureStoryInput,
  mediaCheckEventInput,
  retractStoryInput,
  reviewStoryInput,
  storyFeedInput,
  storyIdInput,
  storyQueueInput,
  updateStoryInput,
} from './story'
import {
  dashboardOverviewInput,
  pipelineExportInput,
  pipelineFunnelInput,
  pipelineMembersInput,
  reportDestinationInput,
  verifyDestinationInput,
} from './pipeline'
import type { Award, BlindMaterials, HonourRecord, Juror, JuryAssignment, JuryDrawView, Nomination, NominationView, NoticeEntry, ObjectionLine } from './honour'
import {
  awardFilterInput,
  awardIdInput,
  createAwardInput,
  createJurorInput,
  declareInput,
  drawJuryInput,
  drawRoundInput,
  drawsInput,
  nominateInput,
  nominationIdInput,
  nominationListInput,
  nominationNoteInput,
  objectInput,
  recommendInput,
  redeemInviteInput,
  resolveObjectionsInput,
  reviseNominationInput,
  revokeInput,
  scoreInput,
  screenInput,
  unitDecideInput,
  updateAwardInput,
} from './honour'
import type { BlindProject, Competition, CompetitionCertificate, CompetitionResults, Judge, MyCompetitionEntry, ResultNotice, ResultObjectionLine, RuleBreak, Score, TalentLead, TeamView } from './competition'
import {
  addJudgeInput,
  advisorInput,
  advisorRefInput,
  awardInput,
  competitionIdInput,
  createTeamInput,
  inviteCodeInput,
  memberRefInput,
  refuseSubmissionInput,
  reorderInput,
  saveCompetitionInput,
  competitionScoreInput,
  publishResultsInput,
  resolveResultObjectionInput,
  resultObjectionInput,
  shortlistInput,
  signChecklistInput,
  submitInput,
  teamIdInput,
  teamsListInput,
  updateTeamInput,
} from './competition'

/**
 * The contract of the `api` function: per action, the payload schema (enforced by the router,
 * reused by forms) and the result type.
 */
export const saveFieldInput = z.object({
  id: z
    .string({ error: '领域编号应为文字' })
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,31}$/, '领域编号应为2到32位小写字母、数字、下划线或连字符，以字母开头')
    .optional(),
  name: text('领域名称', { max: 12 }),
  active: z.boolean({ error: '是否启用应为是或否' }).optional(),
  sort: z.int({ error: '排序应为整数' }).min(0, '排序不能小于0').max(999, '排序不能大于999').optional(),
})
export type SaveFieldInput = z.input<typeof saveFieldInput>

/** The university picker: a full name, a 简称 (郑大) or pinyin initials (zzdx). */
export const universitySearchInput = z.object({
  q: text('学校', { max: 20 }),
  limit: z.int({ error: '条数应为整数' }).min(1, '条数至少为1').max(20, '条数最多为20').optional(),
})

export const actionSchemas = {
  'system.ping': emptyInput,
  'taxonomy.list': emptyInput,
  'taxonomy.saveField': saveFieldInput,
  'taxonomy.fields': emptyInput,
  'taxonomy.universities': universitySearchInput,
  'member.register': registerMemberInput,
  'member.me': emptyInput,
  'member.update': updateMemberInput,
  'member.universityMatch': emptyInput,
  'member.confirmUniversity': confirmUniversityInput,
  'member.exportMine': emptyInput,
  'member.exportMineXlsx': emptyInput,
  'member.withdrawConsent': emptyInput,
  'member.giveConsent': giveConsentInput,
  'member.deleteMine': emptyInput,
  'station.list': stationListInput,
  'station.get': stationIdInput,
  'station.create': createStationInput,
  'station.update': updateStationInput,
  'station.close': closeStationInput,
  'station.appointHead': appointHeadInput,
  'station.removeHead': removeHeadInput,
  'station.import': importStationsInput,
  'station.requestJoin': requestJoinInput,
  'station.cancelRequest': cancelRequestInput,
  'station.leave': emptyInput,
  'station.myRequest': emptyInput,
  'station.pendingRequests': pendingRequestsInput,
  'station.reviewRequest': reviewRequestInput,
  'station.members': stationMembersInput,
  'station.removeMember': removeMemberInput,
  'station.exportMembers': exportMembersInput,
  'station.invite': stationIdInput,
  'audit.list': auditListInput,
  'audit.actors': emptyInput,
  'activity.list': activityListInput,
  'activity.get': activityIdInput,
  'activity.create': createActivityInput,
  'activity.update': updateActivityInput,
  'activity.publish': activityIdInput,
  'activity.closeSignUp': activityIdInput,
  'activity.cancel': cancelActivityInput,
  'activity.copy': activityIdInput,
  'activity.signUp': signUpInput,
  'activity.cancelSignUp': activityRefInput,
  'activity.myRegistrations': z.object(pageInput),
  'activity.registrations': registrationsInput,
  'activity.exportRegistrations': exportRegistrationsInput,
  'activity.checkInCode': activityRefInput,
  'activity.checkIn': checkInInput,
  'activity.myCheckInCode': emptyInput,
  'activity.markAttendance': markAttendanceInput,
  'activity.growthRecord': emptyInput,
  'message.outbox': z.object(pageInput),
  'policy.search': policySearchInput,
  'policy.get': policyIdInput,
  'policy.create': createPolicyInput,
  'policy.update': updatePolicyInput,
  'policy.publish': policyIdInput,
  'policy.unpublish': policyIdInput,
  'policy.import': importPoliciesInput,
  'policy.matchMine': emptyInput,
  'policy.favorite': favoriteInput,
  'policy.myFavorites': z.object(pageInput),
  'demand.list': demandListInput,
  'demand.get': demandIdInput,
  'demand.create': createDemandInput,
  'demand.update': updateDemandInput,
  'demand.close': demandIdInput,
  'demand.import': importDemandsInput,
  'demand.registerInterest': registerInterestInput,
  'demand.withdrawInterest': demandIdInput,
  'demand.interests': demandPageInput,
  'demand.exportInterests': demandIdInput,
  'notice.preview': previewNoticeInput,
  'notice.send': sendNoticeInput,
  'notice.withdraw': noticeIdInput,
  'notice.list': noticeListInput,
  'notice.stats': noticeIdInput,
  'notice.inbox': noticeInboxInput,
  'notice.read': noticeIdInput,
  'notice.readAll': emptyInput,
  'notice.unreadCount': emptyInput,
  /** The member just authorised the notice subscribe message (requestSubscribeMessage on a tap). */
  'notice.subscribe': emptyInput,
  'survey.create': createSurveyInput,
  'survey.update': updateSurveyInput,
  'survey.approve': surveyIdInput,
  'survey.publish': surveyIdInput,
  'survey.close': surveyIdInput,
  'survey.list': surveyListInput,
  'survey.get': surveyIdInput,
  'survey.saveDraft': saveDraftInput,
  'survey.submit': submitSurveyInput,
  'survey.linkGet': surveyLinkInput,
  'survey.linkSubmit': submitSurveyLinkInput,
  'survey.mine': surveyListInput,
  'survey.myFeedback': emptyInput,
  'survey.respondents': respondentsInput,
  'survey.remind': surveyIdInput,
  'survey.results': surveyResultsInput,
  'survey.export': surveyIdInput,
  // The talent pipeline back home (issue 14).
  'destination.report': reportDestinationInput,
  'destination.mine': emptyInput,
  'destination.verify': verifyDestinationInput,
  'pipeline.funnel': pipelineFunnelInput,
  'pipeline.members': pipelineMembersInput,
  'pipeline.export': pipelineExportInput,
  'dashboard.overview': dashboardOverviewInput,
  // Honours 评优评先 (issue 16).
  'honour.awardCreate': createAwardInput,
  'honour.awardUpdate': updateAwardInput,
  'honour.awards': emptyInput,
  'honour.award': awardIdInput,
  'honour.nominate': nominateInput,
  'honour.confirm': nominationIdInput,
  'honour.submit': nominationIdInput,
  'honour.return': nominationNoteInput,
  'honour.withdraw': nominationNoteInput,
  'honour.revise': reviseNominationInput,
  'honour.startPublicity': nominationIdInput,
  'honour.unitDecide': unitDecideInput,
  'honour.recommend': recommendInput,
  'honour.screen': screenInput,
  'honour.jurorCreate': createJurorInput,
  'honour.jurors': emptyInput,
  'honour.redeemInvite': redeemInviteInput,
  'honour.drawJury': drawJuryInput,
  'honour.drawRound': drawRoundInput,
  'honour.draws': drawsInput,
  'honour.declare': declareInput,
  'honour.myReviews': emptyInput,
  'honour.score': scoreInput,
  'honour.tally': nominationIdInput,
  'honour.publishNotice': screenInput,
  'honour.noticeList': awardFilterInput,
  'honour.object': objectInput,
  'honour.objections': nominationIdInput,
  'honour.resolveObjections': resolveObjectionsInput,
  'honour.closeNotice': nominationIdInput,
  'honour.grant': nominationIdInput,
  'honour.revoke': revokeInput,
  'honour.results': awardFilterInput,
  'honour.get': nominationIdInput,
  'honour.list': nominationListInput,
  'honour.mine': emptyInput,
  'honour.awardClose': awardIdInput,
  // Stories of young talent (issue 17).
  'story.create': createStoryInput,
  'story.update': updateStoryInput,
  'story.submit': storyIdInput,
  'story.consent': consentStoryInput,
  'story.review': reviewStoryInput,
  'story.retract': retractStoryInput,
  'story.feature': featureStoryInput,
  'story.feed': storyFeedInput,
  'story.get': storyIdInput,
  'story.mine': storyFeedInput,
  'story.queue': storyQueueInput,
  'story.posterCode': storyIdInput,
  /** WeChat's `wxa_media_check` event (message push), mapped by entry-cloud.ts; never sent by the app. */
  'story.mediaCheckEvent': mediaCheckEventInput,
  // 家乡创新平台 (issue 19).
  'platform.list': platformListInput,
  'platform.get': platformIdInput,
  'platform.create': createPlatformInput,
  'platform.update': updatePlatformInput,
  'platform.archive': platformIdInput,
  'platform.import': importPlatformsInput,
  'platform.addContact': platformContactInput,
  'platform.removeContact': platformContactInput,
  'platform.inviteContact': inviteContactInput,
  'platform.acceptInvite': acceptInviteInput,
  'platform.contacts': platformRefInput,
  'platform.memberCandidates': platformMemberSearchInput,
  'platform.mine': emptyInput,
  'platform.submitActivity': createActivityInput,
  'platform.submitDemand': createDemandInput,
  'platform.demandDrafts': platformRefInput,
  'platform.reviewDemand': reviewDemandDraftInput,
  'platform.publicSignUp': publicSignUpInput,
  'platform.myPublicSignUp': publicActivityRefInput,
  'platform.cancelPublicSignUp': cancelPublicSignUpInput,
  'platform.publicCheckIn': publicCheckInInput,
  'platform.publicRegistrations': publicRegistrationsInput,
  'platform.exportMyPublicData': emptyInput,
  'platform.deleteMyPublicData': emptyInput,
  // Competitions (issue 18).
  'competition.list': emptyInput,
  'competition.get': competitionIdInput,
  'competition.save': saveCompetitionInput,
  'competition.createTeam': createTeamInput,
  'competition.previewInvite': inviteCodeInput,
  'competition.inviteImage': teamIdInput,
  'competition.joinTeam': inviteCodeInput,
  'competition.confirm': teamIdInput,
  'competition.removeMember': memberRefInput,
  'competition.reorder': reorderInput,
  'competition.setLeader': memberRefInput,
  'competition.addAdvisor': advisorInput,
  'competition.removeAdvisor': advisorRefInput,
  'competition.updateTeam': updateTeamInput,
  'competition.sign': signChecklistInput,
  'competition.submit': submitInput,
  'competition.myTeams': emptyInput,
  'competition.team': teamIdInput,
  'competition.myRecord': emptyInput,
  'competition.teams': teamsListInput,
  'competition.freeze': teamIdInput,
  'competition.addJudge': addJudgeInput,
  'competition.judges': competitionIdInput,
  'competition.assign': competitionIdInput,
  'competition.redeemJudge': inviteCodeInput,
  'competition.judgeProjects': z.object({ judgeId: z.string({ error: '请填写评委' }).min(1, '请填写评委') }),
  'competition.score': competitionScoreInput,
  'competition.results': competitionIdInput,
  'competition.shortlist': shortlistInput,
  'competition.award': awardInput,
  'competition.talent': competitionIdInput,
  'competition.withdraw': teamIdInput,
  'competition.publishResults': publishResultsInput,
  'competition.resultNotices': emptyInput,
  'competition.objectResult': resultObjectionInput,
  'competition.resultObjections': competitionIdInput,
  'competition.resolveResultObjection': resolveResultObjectionInput,
  'competition.handOver': memberRefInput,
  'competition.certificate': teamIdInput,
  'competition.checkRules': saveCompetitionInput,
  'competition.refuseSubmission': refuseSubmissionInput,
} as const

export interface ActionResults {
  'system.ping': { pong: true; time: string }
  'taxonomy.list': TaxonomyList
  'taxonomy.saveField': FieldItem
  /** Staff: every key industry field, retired ones included (to rename or bring back). */
  'taxonomy.fields': FieldItem[]
  /** Best matches first; empty when nothing on the list matches (free text is still accepted). */
  'taxonomy.universities': UniversityOption[]
  'member.register': Member
  'member.me': Member | null
  'member.update': Member
  'member.universityMatch': UniversityMatch | null
  'member.confirmUniversity': Member
  'member.exportMine': MemberExport
  /** The same data as a workbook: one sheet per kind, Chinese headers. */
  'member.exportMineXlsx': ExportFile
  /** Consent withdrawn; the record stays (see CONSENT_WITHDRAWAL_STATEMENT). */
  'member.withdrawConsent': Member
  'member.giveConsent': Member
  'member.deleteMine': { deleted: true }
  /** Staff get `StationSummary` items (with `pendingCount`); `suggested` is my university's station. */
  'station.list': Page<Station | StationSummary> & { suggested: Station | null }
  'station.get': StationView
  'station.create': Station
  'station.update': Station
  'station.close': Station
  'station.appointHead': Station
  'station.removeHead': Station
  'station.import': ImportReport
  'station.requestJoin': JoinRequest
  'station.cancelRequest': JoinRequest
  'station.leave': { left: true }
  /** My latest join request, whatever its state (so a rejection and its reason stay visible). */
  'station.myRequest': JoinRequest | null
  'station.pendingRequests': Page<JoinRequestForReview>
  'station.reviewRequest': JoinRequest
  'station.members': Page<StationMember>
  'station.removeMember': { removed: true }
  'station.exportMembers': ExportFile
  'station.invite': Invite
  'audit.list': Page<AuditLine>
  /** Staff: who appears in the log (up to 100, most recently active first), for the operator filter. */
  'audit.actors': AuditActor[]
  'activity.list': Page<Activity>
  'activity.get': ActivityView
  'activity.create': Activity
  'activity.update': Activity
  'activity.publish': Activity
  'activity.closeSignUp': Activity
  'activity.cancel': Activity
  'activity.copy': Activity
  'activity.signUp': SignUpResult
  'activity.cancelSignUp': Registration
  'activity.myRegistrations': Page<MyActivity>
  'activity.registrations': Page<RegistrationLine>
  'activity.exportRegistrations': ExportFile
  'activity.checkInCode': CheckInCode
  'activity.checkIn': Registration
  /** My personal code (for staff or a helper to scan). */
  'activity.myCheckInCode': { code: string; qrImage: string }
  'activity.markAttendance': Registration
  'activity.growthRecord': GrowthRecord
  /** Subscribe messages pushed to me (local mode shows them as the outbox). */
  'message.outbox': Page<OutboxMessage>
  'policy.search': Page<PolicyHit>
  'policy.get': PolicyView
  'policy.create': Policy
  'policy.update': Policy
  'policy.publish': Policy
  'policy.unpublish': Policy
  /** Same file contract as station.import (`.xlsx` or UTF-8 CSV, a header row). */
  'policy.import': ImportReport
  'policy.matchMine': { policies: Match<PolicyHit>[]; demands: Match<Demand>[] }
  'policy.favorite': { favorited: boolean }
  'policy.myFavorites': Page<PolicyHit>
  'demand.list': Page<Demand>
  'demand.get': DemandView
  'demand.create': Demand
  'demand.update': Demand
  'demand.close': Demand
  'demand.import': ImportReport
  'demand.registerInterest': DemandView
  'demand.withdrawInterest': DemandView
  'demand.interests': Page<Interest>
  'demand.exportInterests': ExportFile
  'notice.preview': { recipients: number }
  'notice.send': Notice
  'notice.withdraw': Notice
  /** Staff: all (or `mine`); a head: the notices they sent. Newest first. */
  'notice.list': Page<Notice>
  'notice.stats': NoticeStats
  /** Newest first; only notices whose audience held me when they were sent. */
  'notice.inbox': Page<InboxNotice>
  /** Opens a notice of my inbox and marks it read. */
  'notice.read': InboxNotice
  'notice.readAll': { marked: number }
  'notice.unreadCount': { count: number }
  'notice.subscribe': { granted: true }
  /** Staff, or a head for their own station; a draft until a second staff member approves it. */
  'survey.create': Survey
  /** Before publishing only; sends the survey back for approval. */
  'survey.update': Survey
  /** Staff other than the creator (4-eyes). */
  'survey.approve': Survey
  /** Freezes the recipients from the audience. */
  'survey.publish': Survey
  'survey.close': Survey
  /** Staff: all; a head: their station's. Newest first. */
  'survey.list': Page<Survey>
  /** Managers get `manage`, recipients `answer` (marks it 已打开). */
  'survey.get': SurveyView
  'survey.saveDraft': { saved: true; pageId: string }
  /** Carries nothing that names the response (anonymity). */
  'survey.submit': SubmitSurveyResult
  /** A public link opened by anyone signed in (member or not). */
  'survey.linkGet': SurveyForMember
  'survey.linkSubmit': SubmitSurveyResult
  'survey.mine': Page<MySurvey>
  /** 翼展档案: the activity feedback surveys I answered. */
  'survey.myFeedback': SurveyFeedbackEntry[]
  /** The recipients who have not submitted (not for 完全匿名). */
  'survey.respondents': Page<Respondent>
  'survey.remind': { reminded: number; pushed: number; skipped: number }
  'survey.results': SurveyResults
  'survey.export': ExportFile
  /** A new record every time: the history is kept. */
  'destination.report': DestinationRecord
  'destination.mine': MyDestinations
  /** Staff: marks one record verified (with a note); the member's report itself is unchanged. */
  'destination.verify': DestinationRecord
  /** Staff: the whole alliance (or one station); a head: own station, cells under 5 suppressed. */
  'pipeline.funnel': FunnelWire
  /** The members behind one figure, paged; `total` is the figure. */
  'pipeline.members': PipelineMembersPage
  /** The same rows as `.xlsx`; the first sheet is the metric dictionary. */
  'pipeline.export': ExportFile
  'dashboard.overview': OverviewWire
  'honour.awardCreate': Award
  'honour.awardUpdate': Award
  /** Newest first. */
  'honour.awards': Award[]
  'honour.award': Award
  'honour.nominate': Nomination
  'honour.confirm': Nomination
  'honour.submit': Nomination
  'honour.return': Nomination
  'honour.withdraw': Nomination
  'honour.revise': Nomination
  'honour.startPublicity': Nomination
  'honour.unitDecide': Nomination
  /** The recommended nominations with their rank, in order. */
  'honour.recommend': Nomination[]
  /** Every nomination screened, each passed or rejected with its reasons. */
  'honour.screen': Nomination[]
  'honour.jurorCreate': Juror
  'honour.jurors': Juror[]
  'honour.redeemInvite': { jurorId: string; name: string }
  'honour.drawJury': JuryAssignment[]
  /** The panels of every nomination in the round (invited and automatically conflicted seats). */
  'honour.drawRound': JuryAssignment[]
  /** The recorded draws of an award, oldest first, each replayed from its seed. */
  'honour.draws': JuryDrawView[]
  'honour.declare': JuryAssignment
  /** Blind: no name, unit or place; materials only after the conflict declaration. */
  'honour.myReviews': BlindMaterials[]
  'honour.score': JuryAssignment
  'honour.tally': Nomination
  'honour.publishNotice': Nomination[]
  /** Public: the 公示 list. */
  'honour.noticeList': NoticeEntry[]
  'honour.object': { received: true; id: string }
  /** Staff: phones masked. */
  'honour.objections': ObjectionLine[]
  'honour.resolveObjections': Nomination
  'honour.closeNotice': Nomination
  'honour.grant': Nomination
  'honour.revoke': Nomination
  /** Public: awarded, and revoked with their public note. */
  'honour.results': (NoticeEntry & { revokedNote: string })[]
  'honour.get': NominationView
  'honour.list': Nomination[]
  /** My honours, for the 翼展档案. */
  'honour.mine': HonourRecord[]
  /** The award, closed: its results are published and it takes no more nominations. */
  'honour.awardClose': Award
  'story.create': Story
  'story.update': Story
  /** Checked at once: `risky` comes back as a draft with `returnReason`. */
  'story.submit': Story
  'story.consent': Story
  /** Approve publishes; reject returns the story to its author with the reason. */
  'story.review': Story
  'story.retract': Story
  'story.feature': Story
  /** Published stories: featured first, then newest. */
  'story.feed': Page<PublicStory>
  'story.get': StoryView
  /** Stories I wrote or that are about me. */
  'story.mine': Page<Story>
  /** Staff: stories awaiting the machine or a human. */
  'story.queue': Page<Story>
  /** The story's mini-program code (a QR of its link in local mode), for posters. */
  'story.posterCode': { image: string; link: string | null }
  'story.mediaCheckEvent': { applied: boolean }
  /** Active platforms (staff may include archived), newest first; the contact for staff only. */
  'platform.list': Page<Platform>
  /** The platform with its upcoming and past activities, open demands and (staff) participants. */
  'platform.get': PlatformView
  'platform.create': Platform
  'platform.update': Platform
  'platform.archive': Platform
  'platform.import': ImportReport
  /** Staff name a member as the platform's contact. */
  'platform.addContact': PlatformContactPerson
  'platform.removeContact': { removed: true }
  /** Staff invite an external person: the code makes whoever redeems it (signed in) the contact. */
  'platform.inviteContact': PlatformInvite
  'platform.acceptInvite': PlatformContactPerson
  'platform.contacts': PlatformContactPerson[]
  'platform.memberCandidates': PlatformMemberCandidate[]
  /** The platforms I am a contact of, with what I submitted for each. */
  'platform.mine': MyPlatforms
  /** A contact drafts an activity of their platform; staff publish it (activity.publish) or cancel it. */
  'platform.submitActivity': Activity
  /** A contact proposes a demand of their platform; staff review it (platform.reviewDemand). */
  'platform.submitDemand': DemandDraft
  'platform.demandDrafts': DemandDraft[]
  'platform.reviewDemand': DemandDraft
  /** 面向公众/青少年: anyone signs up for an open-to-public activity without joining (a guardian for under-14s). */
  'platform.publicSignUp': PublicRegistration
  /** My own public sign-up for the activity (none: null), and whether I may sign up now. */
  'platform.myPublicSignUp': MyPublicSignUp
  'platform.cancelPublicSignUp': PublicRegistration
  /** Checks in every participant the account holds a place for (a parent's children arrive together). */
  'platform.publicCheckIn': PublicRegistration[]
  /** The activity's managers: its public sign-ups, phones masked. */
  'platform.publicRegistrations': Page<PublicRegistrationLine>
  'platform.exportMyPublicData': PublicDataExport
  'platform.deleteMyPublicData': { deleted: number }
  /** Staff see drafts too. */
  'competition.list': Competition[]
  'competition.get': Competition
  'competition.save': Competition
  'competition.createTeam': TeamView
  /** What the invite code opens before joining: no phones, no code. */
  'competition.previewInvite': TeamView
  /** The leader's mini-program code for the team (a PNG data URL locally, a cloud file id on weapp). */
  'competition.inviteImage': { code: string; path: string; url: string | null; image: string }
  /** Joined unconfirmed; `competition.confirm` completes it. */
  'competition.joinTeam': TeamView
  'competition.confirm': TeamView
  'competition.removeMember': TeamView
  'competition.reorder': TeamView
  'competition.setLeader': TeamView
  'competition.addAdvisor': TeamView
  'competition.removeAdvisor': TeamView
  'competition.updateTeam': TeamView
  'competition.sign': TeamView
  /** A new version; refused at or after the deadline (server clock). */
  'competition.submit': TeamView
  'competition.myTeams': TeamView[]
  'competition.team': TeamView
  /** My competition entries for the 翼展档案. */
  'competition.myRecord': MyCompetitionEntry[]
  /** Staff: teams with their state; advisor phones masked. */
  'competition.teams': TeamView[]
  'competition.freeze': TeamView
  'competition.addJudge': Judge
  'competition.judges': Judge[]
  'competition.assign': { assignments: Record<string, string[]>; short: string[]; skipped: number }
  /** Binds the judge seat to the caller's WeChat identity. */
  'competition.redeemJudge': Judge
  'competition.judgeProjects': { competition: Competition; projects: BlindProject[] }
  'competition.score': Score
  'competition.results': CompetitionResults
  'competition.shortlist': CompetitionResults
  'competition.award': TeamView
  'competition.talent': TalentLead[]
  'competition.withdraw': TeamView
  'competition.publishResults': ResultNotice
  'competition.resultNotices': ResultNotice[]
  'competition.objectResult': { received: true; id: string }
  'competition.resultObjections': { notice: ResultNotice | null; objections: ResultObjectionLine[] }
  'competition.resolveResultObjection': ResultObjectionLine
  'competition.handOver': TeamView
  'competition.certificate': CompetitionCertificate
  /** The teams the rules as given would break (an edit not yet saved); empty for a new competition. */
  'competition.checkRules': RuleBreak[]
  'competition.refuseSubmission': TeamView
}

export interface OutboxMessage {
  id: string
  template: 'reminder' | 'result' | 'notice'
  page: string
  data: Record<string, string>
  at: string
  errcode: number
}

export type ActionName = keyof typeof actionSchemas
export type ActionInput<A extends ActionName> = z.input<(typeof actionSchemas)[A]>
export type ActionPayload<A extends ActionName> = z.output<(typeof actionSchemas)[A]>
export type ActionResult<A extends ActionName> = ActionResults[A]

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actionSchemas, name)
}
