/** Where the platform pages live (subpackage `packages/platform`). */
export const platformsUrl = () => '/packages/platform/pages/list/index'
export const platformUrl = (id: string) => `/packages/platform/pages/detail/index?id=${encodeURIComponent(id)}`
export const platformManageUrl = () => '/packages/platform/pages/manage/index'
export const platformEditUrl = (id?: string) => `/packages/platform/pages/edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`
export const platformImportUrl = () => '/packages/staff/pages/import/index?kind=platform'
export const activityPageUrl = (id: string) => `/pages/activity/index?id=${encodeURIComponent(id)}`
export const demandPageUrl = (id: string) => `/pages/demand/index?id=${encodeURIComponent(id)}`
export const platformContactUrl = () => '/packages/platform/pages/contact/index'
export const platformSubmitUrl = (platformId: string, kind: 'activity' | 'demand') =>
  `/packages/platform/pages/submit/index?platformId=${encodeURIComponent(platformId)}&kind=${kind}`
/** 报名（公众）: the short form for people who do not join (subpackage, linked from the activity page). */
export const publicSignUpUrl = (activityId: string) => `/packages/platform/pages/public-sign-up/index?activityId=${encodeURIComponent(activityId)}`
/** 我填写的报名信息: the caller's own public sign-ups, to read, copy or delete. */
export const myPublicDataUrl = () => '/packages/platform/pages/my-public-data/index'
