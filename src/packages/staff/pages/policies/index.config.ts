export default definePageConfig({
  navigationBarTitleText: '人才政策管理',
  enablePullDownRefresh: true,
})
