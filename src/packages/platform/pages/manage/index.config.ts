export default definePageConfig({
  navigationBarTitleText: '创新平台管理',
  enablePullDownRefresh: true,
})
