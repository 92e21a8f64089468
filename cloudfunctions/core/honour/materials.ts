import { HONOUR_FILE_EXTENSIONS, HONOUR_MATERIAL_LIMITS, HONOUR_PHOTO_EXTENSIONS, type Materials } from '../../../types'
import type { Deps } from '../shared/context'
import { invalidInput } from '../shared/errors'

const extensionOf = (name: string) => name.toLowerCase().split(/[?#]/)[0]!.split('.').pop() ?? ''
const MB = 1024 * 1024

/**
 * The server's check of a nomination's photos and files, whatever the phone said: the count (the
 * schema), the type (by extension, the stored file's matching the name's), the size (declared,
 * and stored where the storage can tell) and that each file is one this deployment stored.
 */
export async function checkMaterialFiles(deps: Deps, materials: Materials): Promise<void> {
  const storage = deps.files.materials
  for (const photo of materials.photos) {
    if (!(HONOUR_PHOTO_EXTENSIONS as readonly string[]).includes(extensionOf(photo))) throw invalidInput('materials.photos', '照片只支持 png、jpg、webp 格式')
    if (!storage) continue
    const stored = await storage.inspect(photo)
    if (!stored) throw invalidInput('materials.photos', '照片须在提名页面上传，请重新选择')
    if (stored.size !== null && stored.size > HONOUR_MATERIAL_LIMITS.photoBytes) {
      throw invalidInput('materials.photos', `照片不能超过${HONOUR_MATERIAL_LIMITS.photoBytes / MB}MB`)
    }
  }
  for (const file of materials.files) {
    const ext = extensionOf(file.name)
    if (!(HONOUR_FILE_EXTENSIONS as readonly string[]).includes(ext)) throw invalidInput('materials.files', `附件类型应为${HONOUR_FILE_EXTENSIONS.join('、')}`)
    if (extensionOf(file.fileId) !== ext) throw invalidInput('materials.files', '附件内容与文件名的类型不符')
    if (!storage) continue
    const stored = await storage.inspect(file.fileId)
    if (!stored) throw invalidInput('materials.files', '附件须在提名页面上传，请重新选择')
    if (stored.size !== null && stored.size > HONOUR_MATERIAL_LIMITS.fileBytes) {
      throw invalidInput('materials.files', `附件不能超过${HONOUR_MATERIAL_LIMITS.fileBytes / MB}MB`)
    }
  }
}

/** Every stored file of these materials (account deletion removes them). */
export const materialFileIds = (materials: Materials): string[] => [...materials.photos, ...materials.files.map((f) => f.fileId)]
