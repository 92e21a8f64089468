import fs from 'node:fs'
import path from 'node:path'
import type { MaterialStorage } from '../../files/ports'

/** Local mode's names for honour materials (`POST /api/upload?kind=material`): apart from covers and submissions. */
export const LOCAL_MATERIAL_PATTERN = /^\/uploads\/(m-[0-9a-f]{24}\.(?:png|jpg|webp|pdf|doc|docx|ppt|pptx|zip))$/

/** Honour materials kept under the local server's uploads folder: stored sizes known, removal by unlinking. */
export function localMaterials(uploadsDir: string): MaterialStorage {
  const fileOf = (fileId: string) => {
    const name = LOCAL_MATERIAL_PATTERN.exec(fileId)?.[1]
    return name ? path.join(uploadsDir, name) : null
  }
  return {
    inspect: async (fileId) => {
      const file = fileOf(fileId)
      if (!file) return null
      try {
        return { size: (await fs.promises.stat(file)).size }
      } catch {
        return null
      }
    },
    remove: async (fileIds) => {
      for (const id of fileIds) {
        const file = fileOf(id)
        if (file) await fs.promises.rm(file, { force: true })
      }
    },
  }
}
