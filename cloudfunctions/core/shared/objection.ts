import type { Deps } from './context'
import { invalidInput } from './errors'

/** Who stands behind a 公示 objection, as the shared objection form gives it (types/honour.ts `objectInput`). */
export interface ObjectionFiler {
  kind?: 'personal' | 'unit'
  realName: string
  phone: string
  unitName: string
  sealFileId: string
}

/**
 * A 公示 objection is never anonymous: a real name and an 11-digit phone (personal), or a unit's
 * name and a photo of its seal uploaded here (unit). Answers the filer with only the fields of its
 * kind kept; throws naming the missing field. The honours rules, for any 公示 that takes objections.
 */
export async function checkObjectionFiler(deps: Deps, input: ObjectionFiler): Promise<Required<ObjectionFiler>> {
  if (!input.kind) throw invalidInput('kind', '不受理匿名异议：请选择以个人或单位名义提出')
  if (input.kind === 'personal') {
    if (!input.realName) throw invalidInput('realName', '不受理匿名异议：个人异议请填写真实姓名')
    if (!/^1[3-9]\d{9}$/.test(input.phone)) throw invalidInput('phone', '不受理匿名异议：请填写11位手机号以便核实')
    return { kind: 'personal', realName: input.realName, phone: input.phone, unitName: '', sealFileId: '' }
  }
  if (!input.unitName) throw invalidInput('unitName', '不受理匿名异议：单位异议请填写单位名称')
  if (!input.sealFileId) throw invalidInput('sealFileId', '不受理匿名异议：单位异议须上传加盖公章的照片')
  // Uploaded the way activity covers are (services/upload): only a file of this deployment counts.
  if (deps.files.covers && !(await deps.files.covers.isOurs(input.sealFileId))) {
    throw invalidInput('sealFileId', '公章照片须在本页面上传，请重新选择照片')
  }
  return { kind: 'unit', realName: '', phone: '', unitName: input.unitName, sealFileId: input.sealFileId }
}
