// Destinations for the pipeline benchmark, written into a store seeded by seed-large.ts:
// one 去向登记 for each of the first `count` members, half of them 回驻 (so the 回驻 figure
// is count ÷ 2 rows: the export case), the rest elsewhere with reasons.
import path from 'node:path'
import { COUNTIES } from '../../types'
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite'
import { classifyDestination } from '../../cloudfunctions/core/pipeline/rules'

export async function seedPipeline(dataDir: string, count: number, stations: number) {
  const store = openSqliteStore({ file: path.join(dataDir, 'yizhan.sqlite') })
  const reportedAt = '2026-10-01T09:00:00.000+08:00'
  for (let i = 0; i < count; i += 1) {
    const openid = i < stations ? `bench-head-${i}` : `bench-member-${i}`
    const home = i % 2 === 0
    await store.pipeline.addDestination(
      classifyDestination({
        id: `de-bench-${i}`,
        openid,
        status: home ? 'contract' : i % 5 === 1 ? 'further_study' : 'contract',
        workProvince: home ? 'henan' : 'guangdong',
        workCity: home ? '驻马店市' : '深圳市',
        workCounty: home ? COUNTIES[i % COUNTIES.length].id : null,
        employer: '',
        field: '',
        reasons: home ? [] : i % 3 === 0 ? ['pay', 'jobs'] : ['growth'],
        reasonText: '',
        considerReturn: home ? null : 'maybe',
        reportedAt,
        verification: i % 6 === 0 ? { at: reportedAt, byOpenid: 'bench', note: '压测核实' } : null,
        isDemo: true,
      }),
    )
  }
  store.db.pragma('optimize')
  await store.close()
}
