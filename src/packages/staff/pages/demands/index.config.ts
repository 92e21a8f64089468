export default definePageConfig({
  navigationBarTitleText: '岗位需求管理',
  enablePullDownRefresh: true,
})
