// Bulk data for the benchmarks, written straight into the SQLite file the local server then opens:
// 200 stations and 50,000 members spread over them (deterministic, realistic Chinese text).
import path from 'node:path'
import { COUNTIES, DEGREES, PRIVACY_VERSION, SEED_FIELDS } from '../../types'
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite'
import { toRow } from '../../cloudfunctions/core/adapters/sqlite/members'
import type { MemberRecord } from '../../cloudfunctions/core/member/ports'
import type { NoticeAudience } from '../../types'
import { toIsoString } from '../../cloudfunctions/core/shared/clock'

const CITIES = ['郑州市', '武汉市', '北京市', '上海市', '南京市', '杭州市', '西安市', '广州市', '成都市', '开封市']
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = ['晨', '雨桐', '子涵', '浩然', '思远', '一诺', '佳怡', '明轩', '欣然', '博文', '若曦', '梓萱']
const MAJORS = ['计算机科学与技术', '生物医学工程', '材料科学与工程', '机械工程', '食品科学与工程', '电子信息工程', '旅游管理', '物流管理']

export const benchStationId = (i: number) => `st-bench-${i}`
export const benchHead = (i: number) => `bench-head-${i}`

export function seedLarge(dataDir: string, { stations = 200, members = 50_000 } = {}) {
  const store = openSqliteStore({ file: path.join(dataDir, 'yizhan.sqlite') })
  const at = '2026-09-01T09:00:00.000+08:00'
  const insertStation = store.db.prepare(
    `INSERT INTO stations (id, name, university, city, intro, status, head_openid, deputy_openids, created_at, updated_at, is_demo)
     VALUES (?, ?, ?, ?, ?, 'open', ?, '[]', ?, ?, 1)`,
  )
  const columns = Object.keys(toRow({} as MemberRecord))
  const insertMember = store.db.prepare(
    `INSERT INTO members (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  )
  store.db.transaction(() => {
    for (let s = 0; s < stations; s += 1) {
      const university = `${CITIES[s % CITIES.length].replace('市', '')}第${s + 1}大学`
      insertStation.run(benchStationId(s), `${university}翼展驿站`, university, CITIES[s % CITIES.length], '示例驿站', benchHead(s), at, at)
    }
    for (let i = 0; i < members; i += 1) {
      const station = i % stations
      const degree = DEGREES[i % DEGREES.length].id
      const record: MemberRecord = {
        openid: i < stations ? benchHead(i) : `bench-member-${i}`,
        role: i < stations ? 'station_head' : 'student',
        stationId: benchStationId(station),
        stationJoinedAt: `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000+08:00`,
        status: 'active',
        name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
        phone: `139${String(10_000_000 + i).slice(-8)}`,
        university: `${CITIES[station % CITIES.length].replace('市', '')}第${station + 1}大学`,
        college: '示例学院',
        major: MAJORS[i % MAJORS.length],
        degree,
        enrollmentYear: 2018 + (i % 7),
        graduationYear: 2022 + (i % 7),
        hometownCounty: COUNTIES[i % COUNTIES.length].id,
        fields: [SEED_FIELDS[i % SEED_FIELDS.length].id],
        consentVersion: PRIVACY_VERSION,
        consentAt: at,
        joinedAt: at,
        updatedAt: at,
        isDemo: true,
      }
      insertMember.run(toRow(record))
    }
  })()
  seedBenchActivities(store.db)
  seedBenchNotices(store, stations)
  store.db.pragma('optimize')
  store.db.close()
}

/** Two published activities open for sign-up now: a burst one (100 places, no waitlist), a large one. */
function seedBenchActivities(db: ReturnType<typeof openSqliteStore>['db']) {
  const now = Date.now()
  const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString()
  const insert = db.prepare(
    `INSERT INTO activities (id, type, title, description, host_org, place, start_at, end_at, sign_up_open_at, sign_up_close_at,
       capacity, waitlist, eligibility, form, status, station_id, created_by, created_at, updated_at, published_at)
     VALUES (?, 'summer_practice', ?, '压测活动', '共青团驻马店市委', '驻马店', ?, ?, ?, ?, ?, ?, ?, '[]', 'published', NULL, 'bench', ?, ?, ?)`,
  )
  const everyone = JSON.stringify({ degrees: [], counties: [], fields: [], stationIds: [] })
  const day = 24 * 60 * 60 * 1000
  for (const [id, capacity, waitlist] of [
    ['ac-bench-burst', 100, 0],
    ['ac-bench-sustained', 100_000, 1],
  ] as const) {
    insert.run(id, id, iso(7 * day), iso(8 * day), iso(-day), iso(6 * day), capacity, waitlist, everyone, iso(-day), iso(-day), iso(-day))
  }
}

export const BENCH_NOTICES = 500

/**
 * 500 notices sent between 2 September and 26 November: a fifth to everyone, the rest to one
 * station, a county, a field, or a degree and graduation year, so an inbox resolves a realistic
 * mix (each member matches about 120 of them).
 */
function seedBenchNotices(store: ReturnType<typeof openSqliteStore>, stations: number) {
  const none: NoticeAudience = { all: false, stationIds: [], countyIds: [], fieldIds: [], degreeIds: [], graduationYears: [], activityId: null, activityStatus: null }
  const start = Date.parse('2026-09-02T09:00:00.000+08:00')
  const step = (Date.parse('2026-11-26T09:00:00.000+08:00') - start) / BENCH_NOTICES
  store.db.transaction(() => {
    for (let i = 0; i < BENCH_NOTICES; i += 1) {
      const kind = i % 5
      const audience: NoticeAudience =
        kind === 0
          ? { ...none, all: true }
          : kind === 1
            ? { ...none, stationIds: [benchStationId(i % stations)] }
            : kind === 2
              ? { ...none, countyIds: [COUNTIES[i % COUNTIES.length].id] }
              : kind === 3
                ? { ...none, fieldIds: [SEED_FIELDS[i % SEED_FIELDS.length].id] }
                : { ...none, degreeIds: [DEGREES[i % DEGREES.length].id], graduationYears: [2022 + (i % 7)] }
      const sendAt = toIsoString(new Date(start + i * step))
      // The store's own write files the notice under its keys; better-sqlite3 runs it synchronously.
      void store.notices.create(
        {
          id: `nt-bench-${String(i).padStart(4, '0')}`,
          title: `通知第${i + 1}号`,
          body: '同学们好：\n翼展联盟近期活动安排如下，请留意。\n详情见 https://example.com/notice',
          link: null,
          audience,
          origin: 'manual',
          senderOpenid: 'bench-staff',
          senderRole: 'staff',
          senderLabel: '共青团驻马店市委',
          stationId: null,
          sendAt,
          createdAt: sendAt,
          recipients: 0,
          withdrawnAt: null,
        },
        null,
      )
    }
    // Half of them already read by the first members, as read rows (what reading leaves behind).
    store.db.prepare(
      `INSERT INTO notice_reads (notice_id, openid, read_at)
       SELECT n.id, m.openid, n.send_at FROM notices n, (SELECT openid FROM members ORDER BY openid LIMIT 500) m
       WHERE n.id LIKE 'nt-bench-%' AND (CAST(substr(n.id, 10) AS INTEGER) % 2) = 0`,
    ).run()
  })()
}
