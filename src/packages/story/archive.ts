import type { GrowthRecord, MyCompetitionEntry } from '../../../types'
import type { CertificateInput } from '../../features/story/poster/layout'

/** 2027-05-04… → 2027年5月4日 */
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/**
 * 我的翼展档案 as a poster page: honours first, then competition results, then the activities the
 * member checked in to, counted by type — what the 翼展档案 screen shows, in the words of a record.
 * Drawn by the certificate layout (features/story/poster), which keeps a long record to one page.
 */
export function archivePoster(
  holder: string,
  record: Pick<GrowthRecord, 'total' | 'byType' | 'honours'>,
  competitions: Pick<MyCompetitionEntry, 'competitionTitle' | 'result'>[],
  today: string,
): Omit<CertificateInput, 'pixelRatio'> {
  const entries = [
    ...record.honours.map((h) => `荣誉 · ${h.awardName}（${chineseDate(h.awardedAt)}）`),
    ...competitions.map((c) => `竞赛 · ${c.competitionTitle} · ${c.result}`),
    ...(record.total > 0 ? [`参加活动${record.total}次：${record.byType.filter((t) => t.count > 0).map((t) => `${t.name}${t.count}次`).join('、')}`] : []),
  ]
  return {
    heading: '翼展档案',
    holder,
    entries: entries.length > 0 ? entries : ['档案还是空的：报名活动并在现场签到后会自动记入'],
    note: '以上记录以活动现场签到、荣誉授予和赛事结果为准，由翼展联盟自动生成。',
    issuer: '共青团驻马店市委',
    date: chineseDate(today),
  }
}
