import { ALL_COLLECTIONS } from './collections'
import { checked, errorCode, type DocumentDatabase } from './database'
import { INDEXES } from './indexes'

/**
 * The set-up step of a CloudBase environment (README, "Deploy the cloud functions"). Creating
 * every collection up front, instead of on first use, means none is ever live before it is
 * locked: a collection created by code starts at "仅创建者可读写", under which any mini-program
 * user may add documents (audit D1).
 */

/** The security rule of every collection: admin only (cloud functions bypass rules). */
export const ADMIN_ONLY_RULE = { read: false, write: false } as const

/** Creates each missing collection; answers which ones it created. */
export async function createAllCollections(db: DocumentDatabase): Promise<string[]> {
  const created: string[] = []
  for (const name of ALL_COLLECTIONS) {
    try {
      await checked(db.createCollection(name))
      created.push(name)
    } catch (error) {
      if (errorCode(error) !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw error
    }
  }
  return created
}

/** What is left to do by hand in the console (数据库 → 集合 → 权限设置 / 索引管理), as text. */
export function consoleChecklist(): string {
  const lines = [`Set the security rule of each collection to 自定义安全规则 ${JSON.stringify(ADMIN_ONLY_RULE)} (仅管理端可读写):`]
  for (const name of ALL_COLLECTIONS) {
    const indexes = INDEXES[name].map((fields) => `(${fields.join(', ')})`).join(' ')
    lines.push(`  ${name}${indexes ? `  indexes: ${indexes}` : ''}`)
  }
  return lines.join('\n')
}
