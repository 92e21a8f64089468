import type { ExportFile, Member, MemberExport, RegisterMemberInput, SaveFieldInput, UpdateMemberInput } from '../../../types'
import { call } from '../../services/api'

/** The member area's operations, one line each: the transport lives in services/api. */
export const registerMember = (input: RegisterMemberInput, requestId: string): Promise<Member> =>
  call('member.register', input, { requestId })
export const updateMember = (input: UpdateMemberInput, requestId: string): Promise<Member> =>
  call('member.update', input, { requestId })
export const exportMyData = (): Promise<MemberExport> => call('member.exportMine', {})
export const exportMyDataXlsx = (): Promise<ExportFile> => call('member.exportMineXlsx', {})
export const withdrawConsent = (requestId: string): Promise<Member> => call('member.withdrawConsent', {}, { requestId })
export const giveConsent = (consentVersion: string, requestId: string): Promise<Member> =>
  call('member.giveConsent', { consentVersion }, { requestId })
export const deleteMyAccount = (requestId: string): Promise<{ deleted: true }> =>
  call('member.deleteMine', {}, { requestId })
export const saveField = (input: SaveFieldInput) => call('taxonomy.saveField', input)
export const listAllFields = () => call('taxonomy.fields', {})
export const universityMatch = () => call('member.universityMatch', {})
export const confirmUniversity = (university: string): Promise<Member> => call('member.confirmUniversity', { university })
