import { COUNTIES, NOT_RETURNING_REASONS, OTHER_UNIVERSITIES, metricName, nameOf, studyPlaceName, type Figure } from '../../../types'

/** A figure as people read it: `回驻（自报） · 2026届 · 确山县`. */
export function describeFigure(figure: Figure, fieldName: (id: string) => string = (id) => id): string {
  const parts: string[] = [metricName(figure.metric)]
  if (figure.cohort !== undefined) parts.push(`${figure.cohort}届`)
  if (figure.county) parts.push(nameOf(COUNTIES, figure.county))
  if (figure.field) parts.push(fieldName(figure.field) || figure.field)
  if (figure.reason) parts.push(nameOf(NOT_RETURNING_REASONS, figure.reason))
  if (figure.university) parts.push(figure.university === OTHER_UNIVERSITIES ? '其他学校' : figure.university)
  if (figure.province) parts.push(studyPlaceName(figure.province))
  return parts.join(' · ')
}
