import { isWorkingDay, workingDayPeriod, type HolidayCalendar } from './working-days'

describe('working days', () => {
  it('skips weekends, counts both ends', () => {
    // Monday 2026-11-30 + 5 working days → Friday 2026-12-04.
    expect(workingDayPeriod('2026-11-30', 5)).toEqual({ start: '2026-11-30', end: '2026-12-04' })
    // Starting on a Saturday begins on Monday; 7 working days end on Tuesday of the next week.
    expect(workingDayPeriod('2026-11-28', 7)).toEqual({ start: '2026-11-30', end: '2026-12-08' })
  })

  it('skips the National Day week and counts the make-up Saturday (调休)', () => {
    expect(isWorkingDay('2026-10-05')).toBe(false)
    expect(isWorkingDay('2026-10-10')).toBe(true)
    // From 2026-09-29 (Tue): 29, 30 (2), Oct 1–7 off, 8 (3), 9 (4), 10 Sat worked (5).
    expect(workingDayPeriod('2026-09-29', 5)).toEqual({ start: '2026-09-29', end: '2026-10-10' })
  })

  it('takes the calendar as data', () => {
    const calendar: HolidayCalendar = { offDays: new Set(['2027-03-01']), workDays: new Set(['2027-03-06']) }
    expect(workingDayPeriod('2027-03-01', 5, calendar)).toEqual({ start: '2027-03-02', end: '2027-03-06' })
  })
})
