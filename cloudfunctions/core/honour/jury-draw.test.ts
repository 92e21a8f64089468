import { seededRandom } from './blind'
import { carriesTag, drawByStructure, newSeed, type DrawCandidate, type DrawStructure } from './jury-draw'

const juror = (id: string, unit: string, ...tags: string[]): DrawCandidate => ({ id, unit, tags })
const none = () => null

/** Does a panel meet the structure? Written independently of the search. */
function meets(panel: readonly DrawCandidate[], s: DrawStructure): boolean {
  if (panel.length !== s.size || new Set(panel.map((m) => m.id)).size !== panel.length) return false
  for (const r of s.requirements) if (panel.filter((m) => carriesTag(m.tags, r.tag)).length < r.min) return false
  if (s.maxPerUnit !== null) {
    const units = new Map<string, number>()
    for (const m of panel) if (m.unit) units.set(m.unit, (units.get(m.unit) ?? 0) + 1)
    if ([...units.values()].some((n) => n > s.maxPerUnit!)) return false
  }
  return true
}

/** Every subset of the given size (pools in these tests are small enough to enumerate). */
function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]]
  if (items.length < size) return []
  const [head, ...tail] = items
  return [...subsets(tail, size - 1).map((s) => [head!, ...s]), ...subsets(tail, size)]
}

describe('a jury drawn by structure', () => {
  const pool = [
    juror('j1', '河南大学', '学科:计算机', '性别:女'),
    juror('j2', '河南大学', '学科:农学'),
    juror('j3', '河南大学', '行业:制造'),
    juror('j4', '郑州大学', '行业:农业', '性别:女'),
    juror('j5', '驻马店市科技局', '地区:驿城区'),
    juror('j6', '', '学科:医学'),
  ]

  it('reads tag groups: `学科` is met by any 学科 tag, an exact tag only by itself', () => {
    expect(carriesTag(['学科:计算机'], '学科')).toBe(true)
    expect(carriesTag(['学科：计算机'], '学科')).toBe(true)
    expect(carriesTag(['学科:计算机'], '学科:计算机')).toBe(true)
    expect(carriesTag(['学科:计算机'], '学科:农学')).toBe(false)
    expect(carriesTag(['学科类'], '学科')).toBe(false)
  })

  it('gives the same panel for the same seed whatever order the pool is stored in', () => {
    const s: DrawStructure = { size: 3, requirements: [{ tag: '学科', min: 1 }, { tag: '行业', min: 1 }], maxPerUnit: 1 }
    const a = drawByStructure(pool, s, 1234, none)
    const b = drawByStructure([...pool].reverse(), s, 1234, none)
    expect(a.ok && b.ok).toBe(true)
    if (a.ok && b.ok) expect(b.panel.map((m) => m.id)).toEqual(a.panel.map((m) => m.id))
  })

  it('draws different panels from different seeds (it is random, not the first three)', () => {
    const s: DrawStructure = { size: 3, requirements: [], maxPerUnit: null }
    const panels = new Set<string>()
    for (let seed = 0; seed < 40; seed += 1) {
      const r = drawByStructure(pool, s, seed, none)
      if (r.ok) panels.add(r.panel.map((m) => m.id).sort().join(','))
    }
    expect(panels.size).toBeGreaterThan(5)
  })

  it('over many seeds and structures: finds a panel exactly when one exists, and it always meets the structure', () => {
    const structures: DrawStructure[] = []
    for (const size of [1, 2, 3, 4, 5])
      for (const maxPerUnit of [null, 1, 2])
        for (const requirements of [[], [{ tag: '学科', min: 1 }], [{ tag: '学科', min: 2 }, { tag: '性别:女', min: 1 }], [{ tag: '行业', min: 1 }, { tag: '地区', min: 1 }, { tag: '学科', min: 1 }], [{ tag: '性别:女', min: 3 }]])
          structures.push({ size, maxPerUnit, requirements })
    const conflicted = (m: DrawCandidate) => (m.id === 'j4' ? '与被提名人同一县区' : null)
    for (const s of structures) {
      for (const exclude of [none, conflicted]) {
        const eligible = pool.filter((m) => !exclude(m))
        const exists = subsets(eligible, s.size).some((panel) => meets(panel, s))
        for (let seed = 0; seed < 12; seed += 1) {
          const r = drawByStructure(pool, s, seed * 7919, exclude)
          expect(r.ok).toBe(exists)
          if (r.ok) {
            expect(meets(r.panel, s)).toBe(true)
            expect(r.panel.some((m) => exclude(m))).toBe(false)
          }
          expect(r.excluded.map((e) => e.member.id)).toEqual(exclude === none ? [] : ['j4'])
        }
      }
    }
  })

  it('says why it cannot draw', () => {
    expect(drawByStructure(pool, { size: 7, requirements: [], maxPerUnit: null }, 1, none)).toMatchObject({ ok: false, reason: '符合条件的评委不足7人' })
    expect(drawByStructure(pool, { size: 3, requirements: [{ tag: '性别:女', min: 3 }], maxPerUnit: null }, 1, none)).toMatchObject({
      ok: false,
      reason: '带“性别:女”标签的可选评委不足3人',
    })
    // Five seats, at most one per unit: the pool has four units (j6, with none, counts alone).
    expect(drawByStructure(pool, { size: 5, requirements: [], maxPerUnit: 1 }, 1, none)).toMatchObject({
      ok: false,
      reason: '评委库无法同时满足标签要求和同单位人数上限，请放宽要求或扩充评委库',
    })
  })

  it('keeps the jurors sitting and fills the seat left (a replacement), still by structure', () => {
    const s: DrawStructure = { size: 3, requirements: [{ tag: '性别:女', min: 1 }], maxPerUnit: 1 }
    const sitting = [pool[1]!, pool[4]!] // 河南大学 (no 女 tag), 科技局
    for (let seed = 0; seed < 30; seed += 1) {
      const r = drawByStructure(pool, s, seed, (m) => (m.id === 'j1' ? '本人声明存在利益冲突' : null), sitting)
      // j1 is out, another 河南大学 juror would break the cap: only j4 (郑州大学, 女) fits.
      expect(r).toMatchObject({ ok: true, panel: [pool[3]] })
    }
    expect(drawByStructure(pool, s, 1, (m) => (m.id === 'j4' || m.id === 'j1' ? '冲突' : null), sitting).ok).toBe(false)
  })

  it('makes a 32-bit seed from the random source', () => {
    const seed = newSeed(seededRandom(5))
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true)
    expect(newSeed(() => 0.999999999999)).toBeLessThan(2 ** 32)
  })
})
