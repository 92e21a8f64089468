/** Pages of the honours subpackage. */
export const honourHubUrl = () => '/packages/honour/pages/index/index'
export const honourNominateUrl = (awardId: string) => `/packages/honour/pages/nominate/index?awardId=${awardId}`
/** The same form, to revise a nomination returned for revision. */
export const honourReviseUrl = (awardId: string, nominationId: string) => `/packages/honour/pages/nominate/index?awardId=${awardId}&id=${nominationId}`
export const honourManageUrl = () => '/packages/honour/pages/manage/index'
export const honourAwardEditUrl = (id = '') => `/packages/honour/pages/award-edit/index${id ? `?id=${id}` : ''}`
export const honourReviewUrl = (code = '') => `/packages/honour/pages/review/index${code ? `?code=${code}` : ''}`
export const honourNoticeUrl = (awardId = '') => `/packages/honour/pages/notice/index${awardId ? `?awardId=${awardId}` : ''}`
export const honourCertificateUrl = (nominationId: string) => `/packages/honour/pages/certificate/index?id=${nominationId}`
