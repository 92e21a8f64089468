import { statementCache, type Sql } from './statements'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import type { FieldItem } from '../../../../types'
import type { FieldStore } from '../../taxonomy/ports'
import type { Claim, IdempotencyStore } from '../../shared/ports'
import type { Store } from '../../shared/store'
import { SqliteActivityStore } from './activities'
import { SqliteAuditStore } from './audit'
import { SqliteDemandStore } from './demands'
import { SqlitePolicyStore } from './policies'
import { SqliteMessageStore, SqliteRateLimiter } from './messages'
import { SqliteNoticeStore } from './notices'
import { SqliteRegistrationStore } from './registrations'
import { SqliteMembershipStore } from './membership'
import { SqliteMemberStore } from './members'
import { SqliteStationStore } from './stations'
import { SqlitePrivacyStore } from './member-export'
import { migrate } from './migrations'
import { SqlitePipelineStore } from './pipeline'
import { SqliteHonourStore } from './honours'
import { SqliteStoryStore } from './stories'
import { SqlitePlatformStore } from './platforms'
import { SqlitePublicRegistrationStore } from './public-registrations'
import { SqliteSurveyStore } from './surveys'
import { SqliteCompetitionStore } from './competitions'

export interface SqliteOptions {
  /** A file path, or `:memory:`. The folder is created when missing. */
  file: string
}

/** Opens (creating and migrating as needed) the embedded store used locally, self-hosted and in tests. */
export function openSqliteStore({ file }: SqliteOptions): Store & { db: Database } {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return {
    db,
    members: new SqliteMemberStore(db),
    fields: new SqliteFieldStore(db),
    idempotency: new SqliteIdempotencyStore(db),
    stations: new SqliteStationStore(db),
    membership: new SqliteMembershipStore(db),
    audit: new SqliteAuditStore(db),
    activities: new SqliteActivityStore(db),
    registrations: new SqliteRegistrationStore(db),
    messages: new SqliteMessageStore(db),
    rateLimits: new SqliteRateLimiter(db),
    policies: new SqlitePolicyStore(db),
    demands: new SqliteDemandStore(db),
    notices: new SqliteNoticeStore(db),
    privacy: new SqlitePrivacyStore(db),
    pipeline: new SqlitePipelineStore(db),
    honours: new SqliteHonourStore(db),
    stories: new SqliteStoryStore(db),
    platforms: new SqlitePlatformStore(db),
    publicRegistrations: new SqlitePublicRegistrationStore(db),
    surveys: new SqliteSurveyStore(db),
    competitions: new SqliteCompetitionStore(db),
    close: async () => {
      db.close()
    },
  }
}

interface FieldRow {
  id: string
  name: string
  active: number
  sort: number
}

class SqliteFieldStore implements FieldStore {
  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  async list(): Promise<FieldItem[]> {
    return this.sql<[], FieldRow>('SELECT * FROM fields ORDER BY sort, id')
      .all()
      .map((r) => ({ id: r.id, name: r.name, active: r.active === 1, sort: r.sort }))
  }

  async save(field: FieldItem): Promise<FieldItem> {
    this.sql(
        `INSERT INTO fields (id, name, active, sort) VALUES (@id, @name, @active, @sort)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active, sort = excluded.sort`,
      )
      .run({ ...field, active: field.active ? 1 : 0 })
    return field
  }
}

class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly sql: Sql

  constructor(db: Database) {
    this.sql = statementCache(db)
  }

  async find(openid: string, requestId: string): Promise<string | null> {
    const row = this.sql<[string, string], { result: string }>('SELECT result FROM idempotency WHERE openid = ? AND request_id = ?')
      .get(openid, requestId)
    // An empty result is a claim (a run in progress), not an answer.
    return row?.result || null
  }

  async remember(openid: string, requestId: string, result: string, at: string): Promise<void> {
    this.sql(
        `INSERT INTO idempotency (openid, request_id, result, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (openid, request_id) DO UPDATE SET result = excluded.result WHERE idempotency.result = ''`,
      )
      .run(openid, requestId, result, at)
  }

  async claim(openid: string, requestId: string, at: string, staleBefore: string): Promise<Claim> {
    const claimed = this.sql(
        `INSERT INTO idempotency (openid, request_id, result, created_at) VALUES (?, ?, '', ?)
         ON CONFLICT (openid, request_id) DO UPDATE SET created_at = excluded.created_at
         WHERE idempotency.result = '' AND idempotency.created_at < ?`,
      )
      .run(openid, requestId, at, staleBefore)
    if (claimed.changes === 1) return { held: true }
    return { held: false, result: await this.find(openid, requestId) }
  }

  async release(openid: string, requestId: string): Promise<void> {
    this.sql("DELETE FROM idempotency WHERE openid = ? AND request_id = ? AND result = ''").run(openid, requestId)
  }

  async forgetCaller(openid: string): Promise<void> {
    this.sql('DELETE FROM idempotency WHERE openid = ?').run(openid)
  }
}
