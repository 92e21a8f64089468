/** Where each station page lives; subpackage pages are only reached through these. */
export const stationsUrl = () => '/pages/stations/index'
export const stationUrl = (id: string) => `/pages/station/index?id=${encodeURIComponent(id)}`
export const headHomeUrl = (id?: string | null) => `/packages/head/pages/index/index${id ? `?id=${encodeURIComponent(id)}` : ''}`
export const headRequestsUrl = (id: string) => `/packages/head/pages/requests/index?id=${encodeURIComponent(id)}`
export const headMembersUrl = (id: string) => `/packages/head/pages/members/index?id=${encodeURIComponent(id)}`
export const staffHomeUrl = () => '/packages/staff/pages/index/index'
export const staffStationsUrl = () => '/packages/staff/pages/stations/index'
export const staffStationEditUrl = (id?: string) =>
  `/packages/staff/pages/station-edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`
export const staffImportUrl = () => '/packages/staff/pages/import/index?kind=station'
export const staffAuditUrl = (stationId?: string) =>
  `/packages/staff/pages/audit/index${stationId ? `?stationId=${encodeURIComponent(stationId)}` : ''}`
export const staffFieldsUrl = () => '/packages/staff/pages/fields/index'
