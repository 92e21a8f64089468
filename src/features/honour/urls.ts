/** Pages of the honours subpackage. */
export const honourHubUrl = () => '/packages/honour/pages/index/index'
export const honourNominateUrl = (awardId: string) => `/packages/honour/pages/nominate/index?awardId=${awardId}`
export const honourManageUrl = () => '/packages/honour/pages/manage/index'
export const honourAwardEditUrl = () => '/packages/honour/pages/award-edit/index'
export const honourReviewUrl = (code = '') => `/packages/honour/pages/review/index${code ? `?code=${code}` : ''}`
export const honourNoticeUrl = (awardId = '') => `/packages/honour/pages/notice/index${awardId ? `?awardId=${awardId}` : ''}`
