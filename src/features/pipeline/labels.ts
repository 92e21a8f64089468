import { COUNTIES, NOT_RETURNING_REASONS, metricName, nameOf, type Figure } from '../../../types'

/** A figure as people read it: `回驻（自报） · 2026届 · 确山县`. */
export function describeFigure(figure: Figure, fieldName: (id: string) => string = (id) => id): string {
  const parts: string[] = [metricName(figure.metric)]
  if (figure.cohort !== undefined) parts.push(`${figure.cohort}届`)
  if (figure.county) parts.push(nameOf(COUNTIES, figure.county))
  if (figure.field) parts.push(fieldName(figure.field) || figure.field)
  if (figure.reason) parts.push(nameOf(NOT_RETURNING_REASONS, figure.reason))
  return parts.join(' · ')
}
