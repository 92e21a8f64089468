/** Pages of the survey subpackage. */
const root = '/packages/survey/pages'
export const surveyManageUrl = () => `${root}/manage/index`
export const surveyEditUrl = (id?: string, template?: string) =>
  `${root}/edit/index${id ? `?id=${encodeURIComponent(id)}` : template ? `?template=${encodeURIComponent(template)}` : ''}`
export const surveyRespondentsUrl = (id: string) => `${root}/respondents/index?id=${encodeURIComponent(id)}`
export const surveyResultsUrl = (id: string) => `${root}/results/index?id=${encodeURIComponent(id)}`
export const surveyAnswerUrl = (id: string) => `${root}/answer/index?id=${encodeURIComponent(id)}`
/** A public link: the answer page with the survey's token (what staff share; opens for anyone signed in). */
export const surveyLinkPath = (id: string, token: string) => `${root.slice(1)}/answer/index?id=${encodeURIComponent(id)}&token=${encodeURIComponent(token)}`
export const mySurveysUrl = () => `${root}/mine/index`
