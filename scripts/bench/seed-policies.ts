// Policies and demands for the benchmarks, generated from the phrases such documents use
// (deterministic), written through the SQLite adapter so the search index and targets are real.
import path from 'node:path'
import { COUNTIES, DEGREES, SEED_FIELDS } from '../../types'
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite'
import { htmlToText } from '../../cloudfunctions/core/policy/rich-text'

const PLACES = ['驿城区', '确山县', '泌阳县', '遂平县', '西平县', '上蔡县', '汝南县', '平舆县', '新蔡县', '正阳县', '驻马店经济开发区']
const BENEFITS = ['安家费', '生活补贴', '科研启动经费', '人才公寓', '子女入学', '配偶就业', '购房补贴', '创业担保贷款', '见习补贴', '租房补贴']
const KINDS = ['实施办法', '若干措施', '实施细则', '申报指南', '需求目录', '认定标准']
const PEOPLE = ['高层次人才', '青年科技人才', '高校毕业生', '博士研究生', '硕士研究生', '技能人才', '返乡创业青年']
const CATEGORIES = ['standard', 'demand', 'measure'] as const

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]

export async function seedPolicies(dataDir: string, count: number, demandCount: number) {
  const store = openSqliteStore({ file: path.join(dataDir, 'yizhan.sqlite') })
  const at = '2026-09-01T09:00:00.000+08:00'
  store.db.transaction(() => undefined)()
  for (let i = 0; i < count; i += 1) {
    const field = pick(SEED_FIELDS, i)
    const benefit = pick(BENEFITS, i * 7)
    const people = pick(PEOPLE, i * 3)
    const place = pick(PLACES, i * 5)
    const body =
      `<h2>适用对象</h2><p>${place}${field.name}领域引进的${people}，全职来驻工作满一年。</p>` +
      `<h2>支持措施</h2><ul><li>给予${benefit}${(i % 20) + 1}万元</li><li>优先推荐申报“天中英才”计划</li>` +
      `<li>${pick(BENEFITS, i + 3)}按规定享受</li></ul><p>第${i + 1}号文件，自发布之日起施行。</p>`
    await store.policies.create({
      id: `po-bench-${i}`,
      title: `${place}关于${field.name}产业${people}${benefit}的${pick(KINDS, i)}（${i + 1}）`,
      category: pick(CATEGORIES, i),
      summary: `对${field.name}领域${people}给予${benefit}，${pick(BENEFITS, i + 1)}同步落实。`,
      body,
      bodyText: htmlToText(body),
      issuer: `${place}人才工作领导小组`,
      docNumber: `驻人才〔2026〕${i + 1}号`,
      fields: i % 3 === 0 ? [] : [field.id],
      degrees: i % 4 === 0 ? [] : [pick(DEGREES, i).id],
      counties: i % 5 < 3 ? [] : [pick(COUNTIES, i).id],
      effectiveFrom: null,
      effectiveUntil: null,
      sourceUrl: null,
      tags: [benefit],
      status: 'published',
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
    })
  }
  for (let i = 0; i < demandCount; i += 1) {
    await store.demands.create({
      id: `dm-bench-${i}`,
      employer: `${pick(PLACES, i)}某${pick(SEED_FIELDS, i).name}企业${i + 1}`,
      position: `${pick(['研发', '质检', '销售', '生产', '设计'], i)}岗`,
      field: pick(SEED_FIELDS, i).id,
      degree: pick(DEGREES, i).id,
      headcount: (i % 9) + 1,
      place: pick(PLACES, i),
      salaryMin: 5000 + (i % 10) * 500,
      salaryMax: 9000 + (i % 10) * 800,
      deadline: '2099-12-31',
      description: '欢迎驻马店籍学子回乡发展。',
      status: 'open',
      platformId: null,
      createdAt: at,
      updatedAt: at,
    })
  }
  await store.close()
}
