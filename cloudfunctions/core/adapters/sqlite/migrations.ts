import type { Database } from 'better-sqlite3'

/**
 * Schema history, applied in order; `PRAGMA user_version` records the last one applied.
 * Never edit a migration that has shipped: add the next one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE members (
    openid          TEXT PRIMARY KEY,
    role            TEXT NOT NULL CHECK (role IN ('student', 'station_head')),
    station_id      TEXT,
    status          TEXT NOT NULL,
    name            TEXT NOT NULL,
    phone           TEXT NOT NULL,
    university      TEXT NOT NULL,
    college         TEXT NOT NULL DEFAULT '',
    major           TEXT NOT NULL,
    degree          TEXT NOT NULL,
    enrollment_year INTEGER NOT NULL,
    graduation_year INTEGER NOT NULL,
    hometown_county TEXT NOT NULL,
    fields          TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    consent_at      TEXT NOT NULL,
    joined_at       TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    is_demo         INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX members_by_station ON members (station_id, joined_at);
  CREATE INDEX members_by_university ON members (university);

  CREATE TABLE fields (
    id     TEXT PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL,
    sort   INTEGER NOT NULL
  );

  CREATE TABLE idempotency (
    openid     TEXT NOT NULL,
    request_id TEXT NOT NULL,
    result     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (openid, request_id)
  );
  `,
]

export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version])
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
  return MIGRATIONS.length
}
