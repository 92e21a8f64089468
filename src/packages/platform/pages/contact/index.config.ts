export default definePageConfig({
  navigationBarTitleText: '平台联系人',
  enablePullDownRefresh: true,
})
