/**
 * Complementary small-cell suppression. A table is a list of cells and the lines that add up:
 * each line names its parts and the cell that prints their total. Cells from 1 to threshold−1
 * are hidden (primary); then more cells are hidden (complementary) until no hidden cell can be
 * worked out from the printed cells, i.e. no hidden cell is fixed by the line equations. Zero is
 * printed: nobody is behind it.
 */

export interface Line {
  parts: number[]
  total: number
}

export const SMALL_CELL = 5

/** Hidden cells that the printed values pin down exactly (their unit vector is in the row space). */
export function recoverableCells(hidden: readonly boolean[], lines: readonly Line[]): number[] {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []))
  if (unknowns.length === 0) return []
  const column = new Map(unknowns.map((cell, k) => [cell, k]))
  // Each line: sum(parts) − total = 0, restricted to the hidden cells.
  const rows: number[][] = []
  for (const line of lines) {
    const row = new Array<number>(unknowns.length).fill(0)
    for (const part of line.parts) if (hidden[part]) row[column.get(part) ?? 0] += 1
    if (hidden[line.total]) row[column.get(line.total) ?? 0] -= 1
    if (row.some((x) => x !== 0)) rows.push(row)
  }
  const reduced = reducedRowEchelon(rows, unknowns.length)
  // A variable is determined iff some reduced row has it as its only non-zero entry.
  const fixed: number[] = []
  for (const row of reduced) {
    const nonZero = row.flatMap((x, k) => (Math.abs(x) > 1e-9 ? [k] : []))
    if (nonZero.length === 1) fixed.push(unknowns[nonZero[0]])
  }
  return fixed
}

function reducedRowEchelon(input: number[][], width: number): number[][] {
  const rows = input.map((r) => [...r])
  let lead = 0
  for (let r = 0; r < rows.length && lead < width; lead += 1) {
    const pivot = rows.findIndex((row, i) => i >= r && Math.abs(row[lead]) > 1e-9)
    if (pivot < 0) continue
    ;[rows[r], rows[pivot]] = [rows[pivot], rows[r]]
    const p = rows[r][lead]
    rows[r] = rows[r].map((x) => x / p)
    for (let i = 0; i < rows.length; i += 1) {
      if (i !== r && Math.abs(rows[i][lead]) > 1e-9) {
        const f = rows[i][lead]
        rows[i] = rows[i].map((x, k) => x - f * rows[r][k])
      }
    }
    r += 1
  }
  return rows
}

/** Which cells to print as "<5". `values[i]` are counts; `lines` say which cells add up to which. */
export function suppress(values: readonly number[], lines: readonly Line[], threshold = SMALL_CELL): boolean[] {
  const hidden = values.map((v) => v > 0 && v < threshold)
  const isTotal = new Set(lines.map((l) => l.total))
  // The smallest printed cell of a line, parts before totals (a hidden total says more), zero last.
  const pickComplement = (line: Line): number | null => {
    const candidates = [...line.parts, line.total].filter((c) => !hidden[c])
    if (candidates.length === 0) return null
    const rank = (c: number) => [values[c] === 0 ? 1 : 0, isTotal.has(c) ? 1 : 0, values[c]]
    candidates.sort((a, b) => {
      const [x, y] = [rank(a), rank(b)]
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a - b
    })
    return candidates[0]
  }
  for (let guard = 0; guard < values.length + 1; guard += 1) {
    let changed = false
    for (const line of lines) {
      const members = [...line.parts, line.total]
      if (members.filter((c) => hidden[c]).length === 1) {
        const extra = pickComplement(line)
        if (extra !== null) {
          hidden[extra] = true
          changed = true
        }
      }
    }
    if (!changed) {
      // Every line holds 0 or ≥ 2 hidden cells, yet a chain of lines can still pin one down.
      const fixed = recoverableCells(hidden, lines)
      if (fixed.length === 0) return hidden
      const line = lines.find((l) => l.parts.includes(fixed[0]) || l.total === fixed[0])
      const extra = line ? pickComplement(line) : null
      if (extra === null) {
        // Nothing left to hide next to it: hide every cell of the table rather than leak one.
        return values.map(() => true)
      }
      hidden[extra] = true
    }
  }
  return hidden
}

/**
 * A rows × columns table printed with its row totals, column totals and grand total. Cell order
 * in the result: the body row by row, then row totals, then column totals, then the grand total.
 */
export function suppressGrid(
  body: readonly (readonly number[])[],
  threshold = SMALL_CELL,
): { body: boolean[][]; rowTotals: boolean[]; columnTotals: boolean[]; grand: boolean } {
  const rows = body.length
  const columns = rows > 0 ? body[0].length : 0
  const values: number[] = body.flatMap((r) => [...r])
  const rowTotals = body.map((r) => r.reduce((a, b) => a + b, 0))
  const columnTotals = Array.from({ length: columns }, (_, c) => body.reduce((a, r) => a + r[c], 0))
  const rowTotalAt = (r: number) => rows * columns + r
  const columnTotalAt = (c: number) => rows * columns + rows + c
  const grandAt = rows * columns + rows + columns
  values.push(...rowTotals, ...columnTotals, rowTotals.reduce((a, b) => a + b, 0))
  const lines: Line[] = []
  for (let r = 0; r < rows; r += 1) lines.push({ parts: Array.from({ length: columns }, (_, c) => r * columns + c), total: rowTotalAt(r) })
  for (let c = 0; c < columns; c += 1) lines.push({ parts: Array.from({ length: rows }, (_, r) => r * columns + c), total: columnTotalAt(c) })
  lines.push({ parts: Array.from({ length: rows }, (_, r) => rowTotalAt(r)), total: grandAt })
  lines.push({ parts: Array.from({ length: columns }, (_, c) => columnTotalAt(c)), total: grandAt })
  const hidden = suppress(values, lines, threshold)
  return {
    body: Array.from({ length: rows }, (_, r) => hidden.slice(r * columns, (r + 1) * columns)),
    rowTotals: Array.from({ length: rows }, (_, r) => hidden[rowTotalAt(r)]),
    columnTotals: Array.from({ length: columns }, (_, c) => hidden[columnTotalAt(c)]),
    grand: hidden[grandAt],
  }
}

/** One line of parts printed with their total (e.g. one metric across cohorts, and all cohorts). */
export function suppressRow(parts: readonly number[], threshold = SMALL_CELL): { parts: boolean[]; total: boolean } {
  const grid = suppressGrid([parts], threshold)
  // A single row: its column totals are the parts themselves, so hide them together.
  return { parts: grid.body[0].map((h, c) => h || grid.columnTotals[c]), total: grid.rowTotals[0] || grid.grand }
}
