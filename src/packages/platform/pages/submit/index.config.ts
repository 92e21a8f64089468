export default definePageConfig({
  navigationBarTitleText: '提交平台活动',
})
