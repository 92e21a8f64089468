export default definePageConfig({
  navigationBarTitleText: '驿站管理',
  enablePullDownRefresh: true,
})
