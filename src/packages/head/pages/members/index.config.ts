export default definePageConfig({
  navigationBarTitleText: '成员名单',
  enablePullDownRefresh: true,
})
