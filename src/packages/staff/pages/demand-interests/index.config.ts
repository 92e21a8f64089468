export default definePageConfig({
  navigationBarTitleText: '意向名单',
  enablePullDownRefresh: true,
})
