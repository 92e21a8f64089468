/**
 * Working days for 公示 lengths, with the official holiday calendar as data: days off on weekdays
 * (法定节假日) and weekend days worked instead (调休上班). Dates are Shanghai calendar days `YYYY-MM-DD`.
 * Source: 国务院办公厅关于2026年部分节假日安排的通知 (extend the table each year).
 */
export interface HolidayCalendar {
  /** Weekdays that are days off. */
  offDays: ReadonlySet<string>
  /** Saturdays or Sundays that are working days. */
  workDays: ReadonlySet<string>
}

const range = (from: string, days: number): string[] => {
  const out: string[] = []
  const start = Date.parse(`${from}T00:00:00Z`)
  for (let i = 0; i < days; i += 1) out.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10))
  return out
}

export const CHINA_HOLIDAYS: HolidayCalendar = {
  offDays: new Set([
    '2026-01-01', ...range('2026-01-02', 2),
    ...range('2026-02-15', 9),
    ...range('2026-04-04', 3),
    ...range('2026-05-01', 5),
    ...range('2026-06-19', 3),
    ...range('2026-09-25', 3),
    ...range('2026-10-01', 7),
  ]),
  workDays: new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
}

const dayOfWeek = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay()
const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export function isWorkingDay(date: string, calendar: HolidayCalendar = CHINA_HOLIDAYS): boolean {
  if (calendar.workDays.has(date)) return true
  if (calendar.offDays.has(date)) return false
  const weekday = dayOfWeek(date)
  return weekday !== 0 && weekday !== 6
}

/**
 * A period of `days` working days starting on the first working day on or after `from`:
 * its first and last day (both included).
 */
export function workingDayPeriod(from: string, days: number, calendar: HolidayCalendar = CHINA_HOLIDAYS): { start: string; end: string } {
  let day = from
  while (!isWorkingDay(day, calendar)) day = nextDay(day)
  const start = day
  let counted = 1
  while (counted < days) {
    day = nextDay(day)
    if (isWorkingDay(day, calendar)) counted += 1
  }
  return { start, end: day }
}
