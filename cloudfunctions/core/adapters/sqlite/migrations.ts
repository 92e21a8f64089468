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
  `
  ALTER TABLE members ADD COLUMN station_joined_at TEXT;
  CREATE INDEX members_by_station_joined ON members (station_id, station_joined_at, openid);

  CREATE TABLE stations (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    university     TEXT NOT NULL,
    city           TEXT NOT NULL,
    intro          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    head_openid    TEXT,
    deputy_openids TEXT NOT NULL DEFAULT '[]',
    invite_image   TEXT,
    -- Kept by the triggers below, so lists never count rows per station.
    member_count   INTEGER NOT NULL DEFAULT 0,
    pending_count  INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    closed_at      TEXT,
    is_demo        INTEGER NOT NULL DEFAULT 0
  );
  -- A university has at most one open station.
  CREATE UNIQUE INDEX stations_one_open_per_university ON stations (university) WHERE status = 'open';
  CREATE INDEX stations_by_university ON stations (university, id);

  CREATE TABLE join_requests (
    id         TEXT PRIMARY KEY,
    station_id TEXT NOT NULL REFERENCES stations (id),
    openid     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
    reason     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT
  );
  -- One station at a time: at most one pending request per member.
  CREATE UNIQUE INDEX join_requests_one_pending ON join_requests (openid) WHERE status = 'pending';
  CREATE INDEX join_requests_by_station ON join_requests (station_id, status, created_at, id);
  CREATE INDEX join_requests_by_member ON join_requests (openid, created_at);

  CREATE TRIGGER station_member_joined AFTER INSERT ON members WHEN NEW.station_id IS NOT NULL BEGIN
    UPDATE stations SET member_count = member_count + 1 WHERE id = NEW.station_id;
  END;
  CREATE TRIGGER station_member_removed AFTER DELETE ON members WHEN OLD.station_id IS NOT NULL BEGIN
    UPDATE stations SET member_count = member_count - 1 WHERE id = OLD.station_id;
  END;
  CREATE TRIGGER station_member_moved AFTER UPDATE OF station_id ON members
  WHEN OLD.station_id IS NOT NEW.station_id BEGIN
    UPDATE stations SET member_count = member_count - 1 WHERE id = OLD.station_id;
    UPDATE stations SET member_count = member_count + 1 WHERE id = NEW.station_id;
  END;
  CREATE TRIGGER station_request_added AFTER INSERT ON join_requests WHEN NEW.status = 'pending' BEGIN
    UPDATE stations SET pending_count = pending_count + 1 WHERE id = NEW.station_id;
  END;
  CREATE TRIGGER station_request_decided AFTER UPDATE OF status ON join_requests
  WHEN OLD.status = 'pending' AND NEW.status != 'pending' BEGIN
    UPDATE stations SET pending_count = pending_count - 1 WHERE id = OLD.station_id;
  END;
  CREATE TRIGGER station_request_deleted AFTER DELETE ON join_requests WHEN OLD.status = 'pending' BEGIN
    UPDATE stations SET pending_count = pending_count - 1 WHERE id = OLD.station_id;
  END;

  CREATE TABLE audit_log (
    id             TEXT PRIMARY KEY,
    at             TEXT NOT NULL,
    actor_openid   TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    action         TEXT NOT NULL,
    station_id     TEXT,
    subject_openid TEXT,
    summary        TEXT NOT NULL
  );
  CREATE INDEX audit_by_time ON audit_log (at, id);
  CREATE INDEX audit_by_actor ON audit_log (actor_openid, at, id);
  CREATE INDEX audit_by_station ON audit_log (station_id, at, id);
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
