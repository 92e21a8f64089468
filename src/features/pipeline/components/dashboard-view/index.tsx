import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { Cell, DashboardOverview, FunnelCohort, Rate, ReasonRow, StudyPlaceRow } from '../../../../../types'
import { COUNTIES, figureQuery } from '../../../../../types'
import MetricDictionary from '../metric-dictionary'
import './index.scss'

export interface DashboardViewProps {
  data: DashboardOverview
  /** The members page of this role (staff or head subpackage): tapping a figure opens it. */
  membersPage: string
}

interface HeatRow {
  key: string
  name: string
  cells: Cell[]
}
const reasonRow = (r: ReasonRow): HeatRow => ({ key: r.reason, name: r.name, cells: r.cells })

const percentOf = (value: number | null, max: number) => (value === null || max <= 0 ? 0 : Math.max(2, Math.round((value / max) * 100)))

/**
 * The dashboard drawn with plain views: cards, bars, a heat table with its numbers, and every
 * number a way to the members behind it. No chart library: nothing to load, text to read.
 */
export default function DashboardView({ data, membersPage }: DashboardViewProps) {
  const open = (cell: Cell) => {
    if (cell.value === null || cell.value === 0) return
    void Taro.navigateTo({ url: `${membersPage}?${figureQuery(cell.figure)}` })
  }
  const Num = ({ cell, id }: { cell: Cell; id?: string }) => (
    <Pressable inline role='link' className={`figure${cell.value ? ' figure--link' : ''}`} id={id} onPress={() => open(cell)}>
      {cell.display}
    </Pressable>
  )
  const RateText = ({ rate }: { rate: Rate }) => <Text className='rate'>{rate.display}</Text>
  const h = data.headline
  const cards: { id: string; label: string; cell: Cell }[] = [
    { id: 'headline-members', label: '成员（加入）', cell: h.members },
    { id: 'headline-participated', label: '参与', cell: h.participated },
    { id: 'headline-reported', label: '已登记去向', cell: h.reported },
    { id: 'headline-returned', label: '回驻（自报）', cell: h.returned },
    { id: 'headline-verified', label: '回驻（已核实）', cell: h.returnedVerified },
    { id: 'headline-cohort', label: `${h.currentCohort}届成员`, cell: h.currentCohortMembers },
  ]
  const county = data.countyByCohort
  const countyMax = Math.max(1, ...county.rows.flatMap((r) => r.cells.map((c) => c.value ?? 0)))
  const supplyMax = Math.max(1, ...data.fields.map((f) => Math.max(f.members.value ?? 0, f.openPositions)))
  const reasonMax = Math.max(1, ...data.reasons.map((r) => r.count.value ?? 0))

  /** Bars of members, one per row, each number opening its members. */
  const PlaceBars = ({ id, rows }: { id: string; rows: StudyPlaceRow[] }) => {
    const max = Math.max(1, ...rows.map((r) => r.members.value ?? 0))
    return (
      <View id={id}>
        {rows.length === 0 ? <Text className='hint'>还没有成员</Text> : null}
        {rows.map((r) => (
          <View className='supply' key={r.key}>
            <Text className='supply__name'>{r.name}</Text>
            <View className='supply__bars'>
              <View className='bar'>
                <View className='bar__fill' style={{ width: `${percentOf(r.members.value, max)}%` }} />
              </View>
            </View>
            <View className='supply__nums'>
              <Num cell={r.members} />
            </View>
          </View>
        ))}
      </View>
    )
  }

  /** Rows down (reasons, stages), a column per cohort, county or month: a heat table with its numbers, set smaller when wide, so it fits the screen. */
  const HeatRows = ({ id, head, columns, rows, wide }: { id: string; head: string; columns: string[]; rows: HeatRow[]; wide?: boolean }) => {
    const max = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.value ?? 0)))
    return (
      <View className={`heat${wide ? ' heat--wide' : ''}`} id={id}>
        <View className='heat__row heat__row--head'>
          <Text className='heat__label heat__label--wide'>{head}</Text>
          {columns.map((c) => (
            <Text className='heat__cell' key={c}>
              {c}
            </Text>
          ))}
        </View>
        {rows.map((row) => (
          <View className='heat__row' key={row.key}>
            <Text className='heat__label heat__label--wide'>{row.name}</Text>
            {row.cells.map((cell, k) => (
              <View
                className='heat__cell'
                key={columns[k]}
                style={{ backgroundColor: `rgba(200, 22, 29, ${cell.value === null ? 0.05 : 0.08 + (0.6 * cell.value) / max})` }}
                onClick={() => open(cell)}
              >
                <Text>{cell.display}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    )
  }

  return (
    <View className='pipeline' id='pipeline-dashboard'>
      {data.snapshot ? <Text className='hint pipeline__note'>这是 {data.snapshot} 冻结的快照；点开数字看到的是当前名单，可能与快照不同。</Text> : null}
      {data.scope.suppressed ? <Text className='hint pipeline__note'>少于5人的格子显示为“&lt;5”，并隐藏可由合计推出的格子。</Text> : null}
      <View className='pipeline-cards'>
        {cards.map((c) => (
          <Pressable role='link' className='pipeline-card' key={c.id} onPress={() => open(c.cell)}>
            <Text className='pipeline-card__num' id={c.id}>
              {c.cell.display}
            </Text>
            <Text className='pipeline-card__label'>{c.label}</Text>
          </Pressable>
        ))}
      </View>

      <View className='card'>
        <Text className='pipeline-section__title'>各届转化漏斗</Text>
        {data.funnel.length === 0 ? <Text className='hint'>还没有成员</Text> : null}
        {data.funnel.map((cohort: FunnelCohort) => {
          const first = cohort.steps[0]?.count.value ?? 0
          return (
            <View className='funnel' key={cohort.cohort} id={`funnel-${cohort.cohort}`}>
              <Text className='funnel__cohort'>{cohort.cohort}届</Text>
              {cohort.steps.map((step) => (
                <View className='funnel__step' key={step.metric}>
                  <Text className='funnel__name'>{step.name}</Text>
                  <View className='bar'>
                    <View className='bar__fill' style={{ width: `${percentOf(step.count.value, first)}%` }} />
                  </View>
                  <Num cell={step.count} id={`funnel-${cohort.cohort}-${step.metric}`} />
                  <Text className='funnel__rate'>{step.fromPrevious ? `较上一步 ${step.fromPrevious.display}` : ''}</Text>
                </View>
              ))}
              <View className='funnel__rates'>
                <Text>
                  回驻率 <RateText rate={cohort.returnRate} />
                </Text>
                <Text>
                  登记覆盖率 <RateText rate={cohort.coverage} />
                </Text>
                <Text>
                  已核实回驻率 <RateText rate={cohort.verifiedReturnRate} />
                </Text>
                <Text>加入到回驻用时中位数：{cohort.medianDaysToReturn === null ? '—' : `${cohort.medianDaysToReturn}天`}</Text>
              </View>
            </View>
          )
        })}
      </View>

      <View className='card'>
        <Text className='pipeline-section__title'>家乡县区 × 届别（成员数）</Text>
        <View className='heat'>
          <View className='heat__row heat__row--head'>
            <Text className='heat__label'>县区</Text>
            {county.cohorts.map((c) => (
              <Text className='heat__cell' key={c}>
                {c}
              </Text>
            ))}
            <Text className='heat__cell'>合计</Text>
          </View>
          {county.rows.map((row) => (
            <View className='heat__row' key={row.county}>
              <Text className='heat__label'>{row.name}</Text>
              {row.cells.map((cell, k) => (
                <View
                  className='heat__cell'
                  key={county.cohorts[k]}
                  style={{ backgroundColor: `rgba(200, 22, 29, ${cell.value === null ? 0.05 : 0.08 + (0.6 * cell.value) / countyMax})` }}
                  onClick={() => open(cell)}
                >
                  <Text>{cell.display}</Text>
                </View>
              ))}
              <View className='heat__cell heat__cell--total' onClick={() => open(row.total)}>
                <Text>{row.total.display}</Text>
              </View>
            </View>
          ))}
          <View className='heat__row heat__row--total'>
            <Text className='heat__label'>合计</Text>
            {county.totals.map((cell, k) => (
              <View className='heat__cell' key={county.cohorts[k]} onClick={() => open(cell)}>
                <Text>{cell.display}</Text>
              </View>
            ))}
            <View className='heat__cell' onClick={() => open(county.grand)}>
              <Text>{county.grand.display}</Text>
            </View>
          </View>
        </View>
      </View>

      <View className='card'>
        <Text className='pipeline-section__title'>领域：成员供给 vs 在招岗位</Text>
        <Text className='hint'>一名成员最多选3个领域；岗位数为开放中的岗位需求人数合计。</Text>
        {data.fields.map((f) => (
          <View className='supply' key={f.field}>
            <Text className='supply__name'>{f.name}</Text>
            <View className='supply__bars'>
              <View className='bar'>
                <View className='bar__fill' style={{ width: `${percentOf(f.members.value, supplyMax)}%` }} />
              </View>
              <View className='bar bar--demand'>
                <View className='bar__fill' style={{ width: `${percentOf(f.openPositions, supplyMax)}%` }} />
              </View>
            </View>
            <View className='supply__nums'>
              <Num cell={f.members} />
              <Text className='supply__demand'>{f.openPositions}岗</Text>
            </View>
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='pipeline-section__title'>驿站</Text>
        <View className='station-row station-row--head'>
          <Text className='station-row__name'>驿站</Text>
          <Text className='station-row__num'>成员</Text>
          <Text className='station-row__rate'>参与率</Text>
          <Text className='station-row__rate'>去向覆盖率</Text>
        </View>
        {data.stations.length === 0 ? <Text className='hint'>还没有驿站成员</Text> : null}
        {data.stations.map((s) => (
          <View className='station-row' key={s.stationId}>
            <Text className='station-row__name'>{s.name}</Text>
            <View className='station-row__num'>
              <Num cell={s.members} />
            </View>
            <Text className='station-row__rate'>{s.participationRate.display}</Text>
            <Text className='station-row__rate'>{s.coverage.display}</Text>
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='pipeline-section__title'>未回驻马店的主要原因</Text>
        <Text className='hint'>按最新去向不在驻马店（或未就业）的成员所选原因统计，可多选。</Text>
        {data.reasons.map((r) => (
          <View className='supply' key={r.reason}>
            <Text className='supply__name'>{r.name}</Text>
            <View className='supply__bars'>
              <View className='bar'>
                <View className='bar__fill' style={{ width: `${percentOf(r.count.value, reasonMax)}%` }} />
              </View>
            </View>
            <View className='supply__nums'>
              <Num cell={r.count} />
            </View>
          </View>
        ))}
      </View>

      {data.trend.rows.length > 0 ? (
        <View className='card'>
          <Text className='pipeline-section__title'>近12个月趋势（每月新增人数）</Text>
          <Text className='hint'>加入按加入月份，参与按首次签到月份，已登记去向按首次登记月份，回驻按最新一条去向登记的月份。</Text>
          <HeatRows
            id='trend'
            head='阶段'
            columns={data.trend.months.map((m, i) => (i === 0 || m.endsWith('-01') ? `${m.slice(0, 4)}年${Number(m.slice(5))}月` : `${Number(m.slice(5))}月`))}
            rows={data.trend.rows.map((r) => ({ key: r.metric, name: r.name, cells: r.cells }))}
            wide
          />
        </View>
      ) : null}

      {data.reasonsByCohort.rows.length > 0 ? (
        <View className='card'>
          <Text className='pipeline-section__title'>未回驻原因 × 届别</Text>
          <Text className='hint'>各届未回驻成员中选择该原因的人数，可多选。</Text>
          <HeatRows id='reasons-by-cohort' head='原因' columns={data.reasonsByCohort.cohorts.map(String)} rows={data.reasonsByCohort.rows.map(reasonRow)} />
        </View>
      ) : null}

      {data.reasonsByCounty.rows.length > 0 ? (
        <View className='card'>
          <Text className='pipeline-section__title'>未回驻原因 × 家乡县区</Text>
          <HeatRows id='reasons-by-county' head='原因' columns={COUNTIES.map((c) => c.name)} rows={data.reasonsByCounty.rows.map(reasonRow)} wide />
        </View>
      ) : null}

      <View className='card'>
        <Text className='pipeline-section__title'>就读学校（前20名及其他）</Text>
        <PlaceBars id='universities' rows={data.universities} />
      </View>

      <View className='card'>
        <Text className='pipeline-section__title'>就读学校所在省份</Text>
        <Text className='hint'>按教育部高校名单确定省份；名单中查不到的学校计为“未识别”。</Text>
        <PlaceBars id='provinces' rows={data.provinces} />
      </View>

      <MetricDictionary />
      <Text className='hint pipeline__note'>数据时间：{data.asOf.slice(0, 16).replace('T', ' ')}</Text>
    </View>
  )
}
