import { COUNTIES, PROVINCES, nameOf } from '../../../types'

/** `河南省 驻马店市 确山县`: a place of work as people read it. */
export function workPlaceText(place: { workProvince: string; workCity: string; workCounty: string | null }): string {
  return [nameOf(PROVINCES, place.workProvince), place.workCity, place.workCounty ? nameOf(COUNTIES, place.workCounty) : ''].filter((s) => s !== '').join(' ')
}
