import { recoverableCells, suppress, suppressGrid, suppressRow, type Line } from './suppression'

/** An independent check: solve the line equations for the hidden cells by elimination. */
function pinnedDown(hidden: boolean[], lines: Line[]): number[] {
  const unknown = hidden.flatMap((h, i) => (h ? [i] : []))
  const m = lines.map((l) => unknown.map((u) => (l.parts.includes(u) ? 1 : 0) - (l.total === u ? 1 : 0)))
  // Cell u is fixed iff adding e_u to the rows does not raise the rank.
  const rank = (rows: number[][]) => {
    const a = rows.map((r) => [...r])
    let rk = 0
    for (let c = 0; c < unknown.length; c += 1) {
      const p = a.findIndex((r, i) => i >= rk && Math.abs(r[c]) > 1e-9)
      if (p < 0) continue
      ;[a[rk], a[p]] = [a[p], a[rk]]
      for (let i = 0; i < a.length; i += 1) {
        if (i !== rk) {
          const f = a[i][c] / a[rk][c]
          a[i] = a[i].map((x, k) => x - f * a[rk][k])
        }
      }
      rk += 1
    }
    return rk
  }
  const base = rank(m)
  return unknown.filter((_u, k) => rank([...m, unknown.map((_, j) => (j === k ? 1 : 0))]) === base)
}

function gridLines(rows: number, columns: number): { lines: Line[]; size: number } {
  const lines: Line[] = []
  const rt = (r: number) => rows * columns + r
  const ct = (c: number) => rows * columns + rows + c
  const g = rows * columns + rows + columns
  for (let r = 0; r < rows; r += 1) lines.push({ parts: Array.from({ length: columns }, (_, c) => r * columns + c), total: rt(r) })
  for (let c = 0; c < columns; c += 1) lines.push({ parts: Array.from({ length: rows }, (_, r) => r * columns + c), total: ct(c) })
  lines.push({ parts: Array.from({ length: rows }, (_, r) => rt(r)), total: g })
  lines.push({ parts: Array.from({ length: columns }, (_, c) => ct(c)), total: g })
  return { lines, size: g + 1 }
}

function flatten(body: number[][]): number[] {
  const rowTotals = body.map((r) => r.reduce((a, b) => a + b, 0))
  const columnTotals = body[0].map((_, c) => body.reduce((a, r) => a + r[c], 0))
  return [...body.flat(), ...rowTotals, ...columnTotals, rowTotals.reduce((a, b) => a + b, 0)]
}

describe('small-cell suppression', () => {
  it('hides a lone small cell and one more in its row and column, so totals do not give it away', () => {
    const body = [
      [12, 3, 20],
      [15, 18, 25],
      [9, 30, 11],
    ]
    const result = suppressGrid(body)
    expect(result.body[0][1]).toBe(true)
    // Its row and its column each lost a second cell.
    expect(result.body[0].filter(Boolean).length + (result.rowTotals[0] ? 1 : 0)).toBeGreaterThanOrEqual(2)
    expect(result.body.map((r) => r[1]).filter(Boolean).length + (result.columnTotals[1] ? 1 : 0)).toBeGreaterThanOrEqual(2)
    const hidden = [...result.body.flat(), ...result.rowTotals, ...result.columnTotals, result.grand]
    expect(pinnedDown(hidden, gridLines(3, 3).lines)).toEqual([])
  })

  it('prints zeros and large cells as they are when nothing is small', () => {
    const result = suppressGrid([
      [0, 7],
      [9, 12],
    ])
    expect(result.body.flat().some(Boolean)).toBe(false)
    expect(result.grand).toBe(false)
  })

  it('leaves no hidden cell recoverable in hundreds of random tables', () => {
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    for (let t = 0; t < 300; t += 1) {
      const rows = 1 + Math.floor(random() * 4)
      const columns = 1 + Math.floor(random() * 5)
      const body = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (random() < 0.4 ? Math.floor(random() * 5) : Math.floor(random() * 40))))
      const result = suppressGrid(body)
      const values = flatten(body)
      const hidden = [...result.body.flat(), ...result.rowTotals, ...result.columnTotals, result.grand]
      const { lines } = gridLines(rows, columns)
      // Every small non-zero cell is hidden…
      values.forEach((v, i) => {
        if (v > 0 && v < 5) expect(hidden[i]).toBe(true)
      })
      // …and none of the hidden ones follows from what is printed.
      expect(pinnedDown(hidden, lines)).toEqual([])
    }
  })

  it('hides the total too when a row has a single cell to hide and nothing else to pair it with', () => {
    const result = suppressRow([3, 0])
    expect(result.parts[0]).toBe(true)
    expect(result.total).toBe(true)
  })

  it('agrees with the independent check on a chain that needs more than two cells per line', () => {
    const values = [2, 10, 10, 2, 14, 12, 12, 12, 24]
    const lines = gridLines(2, 2).lines
    const hidden = suppress(values, lines)
    expect(pinnedDown(hidden, lines)).toEqual([])
    expect(recoverableCells(hidden, lines)).toEqual([])
  })
})
