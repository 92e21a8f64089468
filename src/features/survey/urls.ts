/** Pages of the survey subpackage. */
const root = '/packages/survey/pages'
export const surveyManageUrl = () => `${root}/manage/index`
export const surveyEditUrl = (id?: string, template?: string) =>
  `${root}/edit/index${id ? `?id=${encodeURIComponent(id)}` : template ? `?template=${encodeURIComponent(template)}` : ''}`
export const surveyRespondentsUrl = (id: string) => `${root}/respondents/index?id=${encodeURIComponent(id)}`
export const surveyResultsUrl = (id: string) => `${root}/results/index?id=${encodeURIComponent(id)}`
export const surveyAnswerUrl = (id: string) => `${root}/answer/index?id=${encodeURIComponent(id)}`
export const mySurveysUrl = () => `${root}/mine/index`
