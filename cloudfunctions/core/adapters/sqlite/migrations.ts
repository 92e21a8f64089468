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
  `
  CREATE TABLE activities (
    id                TEXT PRIMARY KEY,
    type              TEXT NOT NULL,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    host_org          TEXT NOT NULL,
    place             TEXT NOT NULL,
    start_at          TEXT NOT NULL,
    end_at            TEXT NOT NULL,
    sign_up_open_at   TEXT NOT NULL,
    sign_up_close_at  TEXT NOT NULL,
    capacity          INTEGER NOT NULL,
    waitlist          INTEGER NOT NULL,
    eligibility       TEXT NOT NULL,
    form              TEXT NOT NULL,
    cover_image       TEXT,
    check_in_helpers  TEXT NOT NULL DEFAULT '[]',
    status            TEXT NOT NULL CHECK (status IN ('draft', 'published', 'closed', 'cancelled')),
    cancel_reason     TEXT NOT NULL DEFAULT '',
    station_id        TEXT,
    created_by        TEXT NOT NULL,
    -- Places held (registered, checked in, absent) and the waitlist, kept by the triggers below.
    registered_count  INTEGER NOT NULL DEFAULT 0,
    waitlist_count    INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    published_at      TEXT,
    reminded_at       TEXT,
    absence_marked_at TEXT,
    -- The last line of defence: no write can ever oversell.
    CHECK (registered_count <= capacity)
  );
  CREATE INDEX activities_by_start ON activities (status, start_at, id);
  CREATE INDEX activities_by_close ON activities (status, sign_up_close_at);
  CREATE INDEX activities_by_end ON activities (end_at, absence_marked_at);

  CREATE TABLE registrations (
    id            TEXT PRIMARY KEY,
    activity_id   TEXT NOT NULL REFERENCES activities (id),
    openid        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled', 'checked_in', 'absent')),
    waitlist_seq  INTEGER,
    answers       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    checked_in_at TEXT,
    UNIQUE (activity_id, openid)
  );
  CREATE INDEX registrations_by_status ON registrations (activity_id, status, waitlist_seq, created_at);
  CREATE INDEX registrations_by_member ON registrations (openid, created_at);

  CREATE TRIGGER registration_added AFTER INSERT ON registrations BEGIN
    UPDATE activities SET
      registered_count = registered_count + (NEW.status IN ('registered', 'checked_in', 'absent')),
      waitlist_count = waitlist_count + (NEW.status = 'waitlisted')
    WHERE id = NEW.activity_id;
  END;
  CREATE TRIGGER registration_moved AFTER UPDATE OF status ON registrations BEGIN
    UPDATE activities SET
      registered_count = registered_count + (NEW.status IN ('registered', 'checked_in', 'absent'))
                                          - (OLD.status IN ('registered', 'checked_in', 'absent')),
      waitlist_count = waitlist_count + (NEW.status = 'waitlisted') - (OLD.status = 'waitlisted')
    WHERE id = NEW.activity_id;
  END;
  CREATE TRIGGER registration_removed AFTER DELETE ON registrations BEGIN
    UPDATE activities SET
      registered_count = registered_count - (OLD.status IN ('registered', 'checked_in', 'absent')),
      waitlist_count = waitlist_count - (OLD.status = 'waitlisted')
    WHERE id = OLD.activity_id;
  END;

  CREATE TABLE subscriptions (
    openid    TEXT NOT NULL,
    template  TEXT NOT NULL,
    remaining INTEGER NOT NULL,
    PRIMARY KEY (openid, template)
  );
  CREATE TABLE message_log (
    id       TEXT PRIMARY KEY,
    openid   TEXT NOT NULL,
    template TEXT NOT NULL,
    page     TEXT NOT NULL,
    data     TEXT NOT NULL,
    at       TEXT NOT NULL,
    errcode  INTEGER NOT NULL
  );
  CREATE INDEX message_log_by_member ON message_log (openid, at, id);
  CREATE TABLE rate_limits (
    key          TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL
  );
  `,
  `
  CREATE TABLE policies (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    category        TEXT NOT NULL,
    summary         TEXT NOT NULL,
    body            TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    issuer          TEXT NOT NULL DEFAULT '',
    doc_number      TEXT NOT NULL DEFAULT '',
    fields          TEXT NOT NULL DEFAULT '[]',
    degrees         TEXT NOT NULL DEFAULT '[]',
    counties        TEXT NOT NULL DEFAULT '[]',
    -- How many of fields/degrees/counties the policy limits (0: for everyone).
    dims            INTEGER NOT NULL DEFAULT 0,
    effective_from  TEXT,
    effective_until TEXT,
    source_url      TEXT,
    tags            TEXT NOT NULL DEFAULT '[]',
    status          TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    published_at    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
  );
  CREATE INDEX policies_by_status ON policies (status, published_at, id);

  -- Chinese substring search: trigram tokens match any 3+ character substring.
  CREATE VIRTUAL TABLE policies_fts USING fts5(
    title, summary, body_text, content = 'policies', content_rowid = 'rowid', tokenize = 'trigram'
  );
  CREATE TRIGGER policies_fts_insert AFTER INSERT ON policies BEGIN
    INSERT INTO policies_fts (rowid, title, summary, body_text) VALUES (NEW.rowid, NEW.title, NEW.summary, NEW.body_text);
  END;
  CREATE TRIGGER policies_fts_delete AFTER DELETE ON policies BEGIN
    INSERT INTO policies_fts (policies_fts, rowid, title, summary, body_text)
    VALUES ('delete', OLD.rowid, OLD.title, OLD.summary, OLD.body_text);
  END;
  CREATE TRIGGER policies_fts_update AFTER UPDATE OF title, summary, body_text ON policies BEGIN
    INSERT INTO policies_fts (policies_fts, rowid, title, summary, body_text)
    VALUES ('delete', OLD.rowid, OLD.title, OLD.summary, OLD.body_text);
    INSERT INTO policies_fts (rowid, title, summary, body_text) VALUES (NEW.rowid, NEW.title, NEW.summary, NEW.body_text);
  END;

  -- One row per target (dim = field | degree | county), for matching a profile by index.
  CREATE TABLE policy_targets (
    dim       TEXT NOT NULL,
    value     TEXT NOT NULL,
    policy_id TEXT NOT NULL,
    PRIMARY KEY (dim, value, policy_id)
  ) WITHOUT ROWID;
  CREATE INDEX policy_targets_by_policy ON policy_targets (policy_id);

  CREATE TABLE favorites (
    openid    TEXT NOT NULL,
    policy_id TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (openid, policy_id)
  );
  CREATE INDEX favorites_by_time ON favorites (openid, at);

  CREATE TABLE demands (
    id          TEXT PRIMARY KEY,
    employer    TEXT NOT NULL,
    position    TEXT NOT NULL,
    field       TEXT NOT NULL,
    degree      TEXT NOT NULL,
    headcount   INTEGER NOT NULL,
    place       TEXT NOT NULL,
    salary_min  INTEGER,
    salary_max  INTEGER,
    deadline    TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    -- Kept by the triggers below, so lists never count per row.
    interest_count INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE INDEX demands_by_deadline ON demands (status, deadline, id);
  CREATE INDEX demands_by_field ON demands (status, field, deadline, id);

  CREATE TABLE demand_interests (
    demand_id TEXT NOT NULL REFERENCES demands (id),
    openid    TEXT NOT NULL,
    share     TEXT NOT NULL,
    shared    TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (demand_id, openid)
  );
  CREATE INDEX demand_interests_by_member ON demand_interests (openid);
  CREATE TRIGGER demand_interest_added AFTER INSERT ON demand_interests BEGIN
    UPDATE demands SET interest_count = interest_count + 1 WHERE id = NEW.demand_id;
  END;
  CREATE TRIGGER demand_interest_removed AFTER DELETE ON demand_interests BEGIN
    UPDATE demands SET interest_count = interest_count - 1 WHERE id = OLD.demand_id;
  END;
  `,
  `
  -- Who was in which station when: a notice to a station at time T reaches those in it at T.
  -- Kept by triggers on members, so every way of joining or leaving (approve, leave, removal,
  -- closing the station, account deletion) records it without the station code knowing.
  CREATE TABLE station_memberships (
    openid     TEXT NOT NULL,
    station_id TEXT NOT NULL,
    joined_at  TEXT NOT NULL,
    left_at    TEXT
  );
  CREATE INDEX station_memberships_by_member ON station_memberships (openid, station_id, joined_at);
  CREATE INDEX station_memberships_by_station ON station_memberships (station_id, joined_at);
  INSERT INTO station_memberships (openid, station_id, joined_at)
    SELECT openid, station_id, coalesce(station_joined_at, joined_at) FROM members WHERE station_id IS NOT NULL;
  CREATE TRIGGER station_membership_inserted AFTER INSERT ON members WHEN NEW.station_id IS NOT NULL BEGIN
    INSERT INTO station_memberships (openid, station_id, joined_at)
      VALUES (NEW.openid, NEW.station_id, coalesce(NEW.station_joined_at, NEW.joined_at));
  END;
  CREATE TRIGGER station_membership_moved AFTER UPDATE OF station_id ON members
  WHEN OLD.station_id IS NOT NEW.station_id BEGIN
    UPDATE station_memberships SET left_at = NEW.updated_at
      WHERE openid = OLD.openid AND station_id = OLD.station_id AND left_at IS NULL;
    INSERT INTO station_memberships (openid, station_id, joined_at)
      SELECT NEW.openid, NEW.station_id, coalesce(NEW.station_joined_at, NEW.updated_at) WHERE NEW.station_id IS NOT NULL;
  END;
  CREATE TRIGGER station_membership_forgotten AFTER DELETE ON members BEGIN
    DELETE FROM station_memberships WHERE openid = OLD.openid;
  END;
  -- "Everyone who joined by T" is a count over this index.
  CREATE INDEX members_by_joined ON members (joined_at);

  CREATE TABLE notices (
    id                  TEXT PRIMARY KEY,
    title               TEXT NOT NULL,
    body                TEXT NOT NULL,
    link                TEXT,
    origin              TEXT NOT NULL CHECK (origin IN ('manual', 'activity')),
    sender_openid       TEXT NOT NULL,
    sender_role         TEXT NOT NULL,
    sender_label        TEXT NOT NULL,
    station_id          TEXT,
    send_at             TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    recipients          INTEGER NOT NULL,
    withdrawn_at        TEXT,
    -- The audience, one column per dimension (JSON lists; empty: no limit).
    aud_all             INTEGER NOT NULL,
    aud_stations        TEXT NOT NULL,
    aud_counties        TEXT NOT NULL,
    aud_fields          TEXT NOT NULL,
    aud_degrees         TEXT NOT NULL,
    aud_years           TEXT NOT NULL,
    aud_activity        TEXT,
    aud_activity_status TEXT,
    -- waiting (scheduled) → pushing → done; push_after: the last member claimed, by openid.
    push_state          TEXT NOT NULL CHECK (push_state IN ('waiting', 'pushing', 'done')),
    push_after          TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX notices_by_created ON notices (created_at, id);
  CREATE INDEX notices_by_sender ON notices (sender_openid, created_at, id);
  CREATE INDEX notices_by_push ON notices (push_state, send_at);

  -- Each notice is filed under the keys of ONE of its dimensions ('*', 's:<station>', 'c:<county>',
  -- 'f:<field>', 'd:<degree>', 'y:<year>'): a member looks up their own keys, then the whole
  -- audience is checked on those few candidates only.
  CREATE TABLE notice_keys (
    key       TEXT NOT NULL,
    send_at   TEXT NOT NULL,
    notice_id TEXT NOT NULL REFERENCES notices (id),
    PRIMARY KEY (key, send_at, notice_id)
  ) WITHOUT ROWID;

  -- An activity audience's registrants at the send time (bounded by the activity's capacity).
  CREATE TABLE notice_recipients (
    openid    TEXT NOT NULL,
    notice_id TEXT NOT NULL REFERENCES notices (id),
    PRIMARY KEY (openid, notice_id)
  ) WITHOUT ROWID;

  -- Read state: a row only once something is read.
  CREATE TABLE notice_reads (
    notice_id TEXT NOT NULL REFERENCES notices (id),
    openid    TEXT NOT NULL,
    read_at   TEXT NOT NULL,
    PRIMARY KEY (notice_id, openid)
  ) WITHOUT ROWID;
  CREATE INDEX notice_reads_by_member ON notice_reads (openid);

  CREATE TABLE notice_pushes (
    notice_id  TEXT NOT NULL REFERENCES notices (id),
    openid     TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    errcode    INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (notice_id, openid)
  ) WITHOUT ROWID;
  CREATE INDEX notice_pushes_by_state ON notice_pushes (notice_id, state, openid);
  CREATE INDEX notice_pushes_by_member ON notice_pushes (openid);
  CREATE INDEX subscriptions_by_template ON subscriptions (template, openid) WHERE remaining > 0;
  `,
  `
  -- Consent can be withdrawn without deleting the account (PIPL art. 15); its history is kept
  -- (and exported) until the account is deleted.
  ALTER TABLE members ADD COLUMN consent_withdrawn_at TEXT;
  CREATE TABLE consent_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    openid  TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('given', 'withdrawn')),
    version TEXT NOT NULL,
    at      TEXT NOT NULL
  );
  CREATE INDEX consent_events_by_member ON consent_events (openid, id);
  INSERT INTO consent_events (openid, kind, version, at) SELECT openid, 'given', consent_version, consent_at FROM members;
  `,
  `
  -- 去向登记 (issue 14): a new row per report, never an overwrite; is_latest marks the one the
  -- figures use. is_home / is_working are decided by the pure rules (core/pipeline/rules.ts).
  CREATE TABLE destinations (
    id              TEXT PRIMARY KEY,
    openid          TEXT NOT NULL,
    status          TEXT NOT NULL,
    work_province   TEXT NOT NULL,
    work_city       TEXT NOT NULL DEFAULT '',
    work_county     TEXT,
    employer        TEXT NOT NULL DEFAULT '',
    field           TEXT NOT NULL DEFAULT '',
    reasons         TEXT NOT NULL DEFAULT '[]',
    reason_text     TEXT NOT NULL DEFAULT '',
    consider_return TEXT,
    reported_at     TEXT NOT NULL,
    verified_at     TEXT,
    verified_by     TEXT,
    verify_note     TEXT,
    is_home         INTEGER NOT NULL,
    is_working      INTEGER NOT NULL,
    is_latest       INTEGER NOT NULL,
    is_demo         INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX destinations_by_member ON destinations (openid, reported_at, id);
  CREATE UNIQUE INDEX destinations_latest ON destinations (openid) WHERE is_latest = 1;

  -- One row per member with every fact a pipeline figure filters on: the figure and its rows
  -- are both read through this view (adapters/sqlite/pipeline.ts), so they cannot disagree.
  CREATE VIEW pipeline_facts AS
  SELECT
    m.openid, m.name, m.university, m.station_id, m.graduation_year AS cohort, m.hometown_county AS county,
    m.fields, m.joined_at, m.is_demo,
    EXISTS (SELECT 1 FROM registrations r WHERE r.openid = m.openid AND r.status IN ('registered', 'checked_in', 'absent')) AS signed_up,
    EXISTS (SELECT 1 FROM registrations r WHERE r.openid = m.openid AND r.status = 'checked_in') AS participated,
    EXISTS (SELECT 1 FROM demand_interests i WHERE i.openid = m.openid) AS intent,
    d.id AS destination_id, d.status AS destination_status, d.work_province, d.work_city, d.work_county,
    coalesce(d.reasons, '[]') AS reasons, d.reported_at, d.verified_at,
    coalesce(d.is_home = 1 AND d.is_working = 1, 0) AS returned
  FROM members m
  LEFT JOIN destinations d ON d.openid = m.openid AND d.is_latest = 1
  -- A member who withdrew consent is kept on record but not counted (types/privacy.ts).
  WHERE m.consent_withdrawn_at IS NULL;
  `,
  `
  -- Frozen monthly dashboard figures (counts only, no names), so a report does not change later.
  CREATE TABLE pipeline_snapshots (
    month    TEXT PRIMARY KEY,
    taken_at TEXT NOT NULL,
    data     TEXT NOT NULL
  );
  `,  `
  -- 家乡创新平台 (issue 19): the directory, and the links from activities and demands to it.
  CREATE TABLE platforms (
    id                   TEXT PRIMARY KEY,
    kind                 TEXT NOT NULL,
    name                 TEXT NOT NULL,
    county               TEXT NOT NULL,
    fields               TEXT NOT NULL DEFAULT '[]',
    degrees              TEXT NOT NULL DEFAULT '[]',
    intro                TEXT NOT NULL,
    host_org             TEXT NOT NULL,
    partner_universities TEXT NOT NULL DEFAULT '[]',
    contact              TEXT,
    photos               TEXT NOT NULL DEFAULT '[]',
    offers               TEXT NOT NULL DEFAULT '[]',
    status               TEXT NOT NULL CHECK (status IN ('active', 'archived')),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    is_demo              INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX platforms_by_created ON platforms (status, created_at, id);
  CREATE INDEX platforms_by_name ON platforms (name, status);
  ALTER TABLE activities ADD COLUMN platform_id TEXT;
  CREATE INDEX activities_by_platform ON activities (platform_id, status, start_at);
  ALTER TABLE demands ADD COLUMN platform_id TEXT;
  CREATE INDEX demands_by_platform ON demands (platform_id, status, deadline);

  -- A platform's contacts (a member, or whoever redeemed an invite) and the invites themselves.
  CREATE TABLE platform_contacts (
    platform_id TEXT NOT NULL REFERENCES platforms (id),
    openid      TEXT NOT NULL,
    name        TEXT NOT NULL,
    via         TEXT NOT NULL CHECK (via IN ('member', 'invite')),
    added_at    TEXT NOT NULL,
    PRIMARY KEY (platform_id, openid)
  );
  CREATE INDEX platform_contacts_by_openid ON platform_contacts (openid);
  CREATE TABLE platform_invites (
    code        TEXT PRIMARY KEY,
    platform_id TEXT NOT NULL REFERENCES platforms (id),
    name        TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    used_at     TEXT
  );
  -- Demands a contact proposed, until staff approve (a demand is created) or reject them.
  CREATE TABLE platform_demand_drafts (
    id           TEXT PRIMARY KEY,
    platform_id  TEXT NOT NULL REFERENCES platforms (id),
    submitted_by TEXT NOT NULL,
    demand       TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    reason       TEXT NOT NULL DEFAULT '',
    demand_id    TEXT,
    created_at   TEXT NOT NULL,
    decided_at   TEXT
  );
  CREATE INDEX platform_demand_drafts_by_platform ON platform_demand_drafts (platform_id, status, created_at);
  `,
  `
  -- Honours 评优评先 (core/honour): documents as JSON beside the columns their queries filter on.
  CREATE TABLE honour_awards (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    doc        TEXT NOT NULL
  );
  CREATE TABLE honour_nominations (
    id               TEXT PRIMARY KEY,
    award_id         TEXT NOT NULL REFERENCES honour_awards (id),
    state            TEXT NOT NULL,
    nominee_openid   TEXT NOT NULL,
    nominator_openid TEXT NOT NULL,
    station_id       TEXT,
    version          INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    doc              TEXT NOT NULL
  );
  CREATE INDEX honour_nominations_by_award ON honour_nominations (award_id, state, created_at);
  CREATE INDEX honour_nominations_by_nominee ON honour_nominations (nominee_openid, state);
  CREATE INDEX honour_nominations_by_nominator ON honour_nominations (nominator_openid);
  CREATE INDEX honour_nominations_by_station ON honour_nominations (station_id, state);
  -- A nomination's history: append-only, refused at the database too.
  CREATE TABLE honour_events (
    id            TEXT PRIMARY KEY,
    nomination_id TEXT NOT NULL REFERENCES honour_nominations (id),
    at            TEXT NOT NULL,
    doc           TEXT NOT NULL
  );
  CREATE INDEX honour_events_by_nomination ON honour_events (nomination_id, id);
  CREATE TRIGGER honour_events_no_update BEFORE UPDATE ON honour_events BEGIN SELECT RAISE(ABORT, 'honour history is append-only'); END;
  CREATE TRIGGER honour_events_no_delete BEFORE DELETE ON honour_events BEGIN SELECT RAISE(ABORT, 'honour history is append-only'); END;
  CREATE TABLE honour_jurors (
    id          TEXT PRIMARY KEY,
    openid      TEXT UNIQUE,
    invite_code TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    doc         TEXT NOT NULL
  );
  CREATE TABLE honour_assignments (
    nomination_id TEXT NOT NULL,
    juror_id      TEXT NOT NULL,
    draw_order    INTEGER NOT NULL,
    doc           TEXT NOT NULL,
    PRIMARY KEY (nomination_id, juror_id)
  );
  CREATE INDEX honour_assignments_by_juror ON honour_assignments (juror_id, nomination_id);
  CREATE TABLE honour_objections (
    id            TEXT PRIMARY KEY,
    nomination_id TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    doc           TEXT NOT NULL
  );
  CREATE INDEX honour_objections_by_nomination ON honour_objections (nomination_id, created_at);
  -- Stories of young talent (issue 17): the whole story as JSON, plus the columns it is found by.
  CREATE TABLE stories (
    id             TEXT PRIMARY KEY,
    status         TEXT NOT NULL,
    author_openid  TEXT NOT NULL,
    subject_openid TEXT,
    updated_at     TEXT NOT NULL,
    submitted_at   TEXT,
    feed_key       TEXT NOT NULL DEFAULT '',
    media_trace_id TEXT,
    rev            INTEGER NOT NULL,
    doc            TEXT NOT NULL
  );
  CREATE INDEX stories_feed ON stories (feed_key, id) WHERE status = 'published';
  CREATE INDEX stories_by_status ON stories (status, updated_at, id);
  CREATE INDEX stories_by_author ON stories (author_openid, updated_at, id);
  CREATE INDEX stories_by_subject ON stories (subject_openid, updated_at, id);
  CREATE UNIQUE INDEX stories_by_media_trace ON stories (media_trace_id) WHERE media_trace_id IS NOT NULL;
  `,
  `
  -- Surveys (adapters/sqlite/surveys.ts). The survey as JSON beside the columns queries use;
  -- counters taken by conditional updates; recipients frozen at publish (status, no submission
  -- time); drafts until submit; responses WITHOUT ROWID under a random id, so their stored order
  -- tells nothing about who submitted when (匿名可催办 rows carry no openid, only the day).
  CREATE TABLE surveys (
    id           TEXT PRIMARY KEY,
    station_id   TEXT,
    status       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    published_at TEXT,
    data         TEXT NOT NULL
  );
  CREATE INDEX surveys_by_created ON surveys (created_at, id);
  CREATE INDEX surveys_by_station ON surveys (station_id, created_at, id);
  CREATE TABLE survey_counters (
    survey_id TEXT NOT NULL,
    key       TEXT NOT NULL,
    used      INTEGER NOT NULL DEFAULT 0,
    cap       INTEGER,
    PRIMARY KEY (survey_id, key)
  ) WITHOUT ROWID;
  CREATE TABLE survey_recipients (
    survey_id        TEXT NOT NULL,
    openid           TEXT NOT NULL,
    status           TEXT NOT NULL,
    reminders        INTEGER NOT NULL DEFAULT 0,
    last_reminded_at TEXT,
    PRIMARY KEY (survey_id, openid)
  ) WITHOUT ROWID;
  CREATE INDEX survey_recipients_by_member ON survey_recipients (openid, survey_id);
  CREATE TABLE survey_drafts (
    survey_id TEXT NOT NULL,
    openid    TEXT NOT NULL,
    page_id   TEXT NOT NULL,
    answers   TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    PRIMARY KEY (survey_id, openid)
  ) WITHOUT ROWID;
  CREATE TABLE survey_responses (
    survey_id TEXT NOT NULL,
    id        TEXT NOT NULL,
    openid    TEXT,
    day       TEXT NOT NULL,
    answers   TEXT NOT NULL,
    profile   TEXT,
    PRIMARY KEY (survey_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX survey_responses_by_member ON survey_responses (openid) WHERE openid IS NOT NULL;
  `,
  `
  -- Competitions (issue 18): each competition, team, judge and score is one JSON document; the
  -- columns beside it are what the queries filter on (adapters/sqlite/competitions.ts).
  CREATE TABLE competitions (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    data       TEXT NOT NULL
  );
  CREATE TABLE competition_teams (
    id             TEXT PRIMARY KEY,
    competition_id TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    data           TEXT NOT NULL
  );
  CREATE INDEX competition_teams_by_competition ON competition_teams (competition_id, created_at, id);
  -- Per-person limits are counted here, written in the same transaction as the team.
  CREATE TABLE competition_people (
    competition_id TEXT NOT NULL,
    openid         TEXT NOT NULL,
    team_ids       TEXT NOT NULL,
    lead_team_ids  TEXT NOT NULL,
    PRIMARY KEY (competition_id, openid)
  );
  CREATE INDEX competition_people_by_openid ON competition_people (openid);
  CREATE TABLE competition_codes (
    code      TEXT PRIMARY KEY,
    kind      TEXT NOT NULL,
    target_id TEXT NOT NULL
  );
  CREATE TABLE competition_judges (
    id             TEXT PRIMARY KEY,
    competition_id TEXT NOT NULL,
    openid         TEXT,
    data           TEXT NOT NULL
  );
  CREATE INDEX competition_judges_by_competition ON competition_judges (competition_id);
  CREATE INDEX competition_judges_by_openid ON competition_judges (openid);
  CREATE TABLE competition_scores (
    competition_id TEXT NOT NULL,
    judge_id       TEXT NOT NULL,
    team_id        TEXT NOT NULL,
    data           TEXT NOT NULL,
    PRIMARY KEY (judge_id, team_id)
  );
  CREATE INDEX competition_scores_by_competition ON competition_scores (competition_id);
  CREATE TABLE competition_assignments (
    competition_id TEXT PRIMARY KEY,
    data           TEXT NOT NULL
  );
  `,  // Issue 19 round 2: 面向公众/青少年 sign-ups, kept apart from members' registrations but holding
  // places of the same activity: the triggers move activities.registered_count (whose CHECK is the
  // capacity gate) and public_count. Deleting rows (the retention job) moves no counter: the
  // anonymous public_count stays for statistics.
  `
  ALTER TABLE activities ADD COLUMN open_to_public INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE activities ADD COLUMN public_count INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE public_registrations (
    id          TEXT PRIMARY KEY,
    activity_id TEXT NOT NULL REFERENCES activities (id),
    openid      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('registered', 'cancelled')),
    name        TEXT NOT NULL,
    phone       TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (activity_id, openid)
  );
  CREATE INDEX public_registrations_by_activity ON public_registrations (activity_id, created_at, id);
  CREATE TRIGGER public_registration_added AFTER INSERT ON public_registrations BEGIN
    UPDATE activities SET
      registered_count = registered_count + (NEW.status = 'registered'),
      public_count = public_count + (NEW.status = 'registered')
    WHERE id = NEW.activity_id;
  END;
  CREATE TRIGGER public_registration_moved AFTER UPDATE OF status ON public_registrations BEGIN
    UPDATE activities SET
      registered_count = registered_count + (NEW.status = 'registered') - (OLD.status = 'registered'),
      public_count = public_count + (NEW.status = 'registered') - (OLD.status = 'registered')
    WHERE id = NEW.activity_id;
  END;
  `,
  `
  -- Honours (issue 16), account deletion: a history line may change in one way only, its actor
  -- replaced by a deleted member's pseudonym and its note emptied (core/honour/forget.ts); any other
  -- update is still refused. Objections and history lines are found by the person in them.
  DROP TRIGGER honour_events_no_update;
  CREATE TRIGGER honour_events_no_update BEFORE UPDATE ON honour_events
  WHEN NOT (
    new.id = old.id AND new.nomination_id = old.nomination_id AND new.at = old.at
    AND coalesce(json_extract(new.doc, '$.actorOpenid'), '') LIKE 'deleted-%'
    AND json_remove(new.doc, '$.actorOpenid', '$.note') = json_remove(old.doc, '$.actorOpenid', '$.note')
  )
  BEGIN SELECT RAISE(ABORT, 'honour history is append-only'); END;
  CREATE INDEX honour_events_by_actor ON honour_events (json_extract(doc, '$.actorOpenid'));
  CREATE INDEX honour_objections_by_filer ON honour_objections (json_extract(doc, '$.filerOpenid'), created_at);
  `,
  `
  -- The pipeline's monthly trend (issue 14, round 2): the month each member reached a stage. The
  -- facts view again, with those months beside the columns it had (the same conditions).
  DROP VIEW pipeline_facts;
  CREATE VIEW pipeline_facts AS
  SELECT
    m.openid, m.name, m.university, m.station_id, m.graduation_year AS cohort, m.hometown_county AS county,
    m.fields, m.joined_at, m.is_demo,
    EXISTS (SELECT 1 FROM registrations r WHERE r.openid = m.openid AND r.status IN ('registered', 'checked_in', 'absent')) AS signed_up,
    EXISTS (SELECT 1 FROM registrations r WHERE r.openid = m.openid AND r.status = 'checked_in') AS participated,
    EXISTS (SELECT 1 FROM demand_interests i WHERE i.openid = m.openid) AS intent,
    d.id AS destination_id, d.status AS destination_status, d.work_province, d.work_city, d.work_county,
    coalesce(d.reasons, '[]') AS reasons, d.reported_at, d.verified_at,
    coalesce(d.is_home = 1 AND d.is_working = 1, 0) AS returned,
    substr(m.joined_at, 1, 7) AS joined_month,
    (SELECT substr(min(coalesce(r.checked_in_at, r.updated_at)), 1, 7) FROM registrations r WHERE r.openid = m.openid AND r.status = 'checked_in') AS participated_month,
    (SELECT substr(min(d1.reported_at), 1, 7) FROM destinations d1 WHERE d1.openid = m.openid) AS first_reported_month,
    substr(d.reported_at, 1, 7) AS reported_month
  FROM members m
  LEFT JOIN destinations d ON d.openid = m.openid AND d.is_latest = 1
  -- A member who withdrew consent is kept on record but not counted (types/privacy.ts).
  WHERE m.consent_withdrawn_at IS NULL;
  `,
  // Issue 19 (PIPL): a person's own public sign-ups, for their export and deletion.
  `
  CREATE INDEX public_registrations_by_openid ON public_registrations (openid, created_at);
  `,
  `
  -- Competition results in 公示 (one per competition) and real-name objections to them.
  CREATE TABLE competition_notices (
    competition_id TEXT PRIMARY KEY,
    start TEXT NOT NULL,
    end_day TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX competition_notices_period ON competition_notices (end_day, start);
  CREATE TABLE competition_objections (
    id TEXT PRIMARY KEY,
    competition_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX competition_objections_by_competition ON competition_objections (competition_id, created_at, id);
  `,
  `
  -- Survey running totals (adapters/sqlite/surveys.ts, core/survey/totals.ts): per question and
  -- value, overall (dim = grp = '_') or within a cross-tab group; added to in the submission's savepoint.
  CREATE TABLE survey_totals (
    survey_id   TEXT NOT NULL,
    dim         TEXT NOT NULL,
    grp         TEXT NOT NULL,
    question_id TEXT NOT NULL,
    value       TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (survey_id, dim, grp, question_id, value)
  ) WITHOUT ROWID;
  `,
  `
  -- Frozen monthly dashboard figures per station (issue 14, round 4), as that station's head sees
  -- them (small cells suppressed). station_id '*' marks a month whose stations are all taken.
  CREATE TABLE pipeline_station_snapshots (
    month      TEXT NOT NULL,
    station_id TEXT NOT NULL,
    taken_at   TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (month, station_id)
  );
  CREATE INDEX pipeline_station_snapshots_by_station ON pipeline_station_snapshots (station_id, month);
  `,
  `
  -- Honours (issue 16): jury draws as recorded (seed, pool, exclusions, panel), never changed.
  CREATE TABLE honour_draws (
    id       TEXT PRIMARY KEY,
    award_id TEXT NOT NULL,
    at       TEXT NOT NULL,
    doc      TEXT NOT NULL
  );
  CREATE INDEX honour_draws_by_award ON honour_draws (award_id, at, id);
  `,
  `
  -- Issue 19 (round 4): one account may sign up to 3 participants (a parent's children) for the
  -- same public activity, each its own row and place: the key becomes (activity, openid, slot).
  -- The table is rebuilt (a UNIQUE constraint cannot be altered); existing rows take slot 1.
  -- Public participants also check in with the activity's code (checked_in_at); the activity keeps
  -- how many did (public_attended), which outlives the rows the retention rule deletes.
  ALTER TABLE activities ADD COLUMN public_attended INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE public_registrations_slotted (
    id          TEXT PRIMARY KEY,
    activity_id TEXT NOT NULL REFERENCES activities (id),
    openid      TEXT NOT NULL,
    slot        INTEGER NOT NULL CHECK (slot BETWEEN 1 AND 3),
    status      TEXT NOT NULL CHECK (status IN ('registered', 'cancelled')),
    checked_in_at TEXT,
    name        TEXT NOT NULL,
    phone       TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (activity_id, openid, slot)
  );
  INSERT INTO public_registrations_slotted (id, activity_id, openid, slot, status, name, phone, data, created_at, updated_at)
    SELECT id, activity_id, openid, 1, status, name, phone, data, created_at, updated_at FROM public_registrations;
  DROP TABLE public_registrations;
  ALTER TABLE public_registrations_slotted RENAME TO public_registrations;
  CREATE INDEX public_registrations_by_activity ON public_registrations (activity_id, created_at, id);
  CREATE INDEX public_registrations_by_openid ON public_registrations (openid, created_at);
  CREATE TRIGGER public_registration_added AFTER INSERT ON public_registrations BEGIN
    UPDATE activities SET
      registered_count = registered_count + (NEW.status = 'registered'),
      public_count = public_count + (NEW.status = 'registered')
    WHERE id = NEW.activity_id;
  END;
  CREATE TRIGGER public_registration_moved AFTER UPDATE OF status ON public_registrations BEGIN
    UPDATE activities SET
      registered_count = registered_count + (NEW.status = 'registered') - (OLD.status = 'registered'),
      public_count = public_count + (NEW.status = 'registered') - (OLD.status = 'registered')
    WHERE id = NEW.activity_id;
  END;
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
