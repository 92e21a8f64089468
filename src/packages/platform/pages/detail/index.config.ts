export default definePageConfig({
  navigationBarTitleText: '创新平台',
  enablePullDownRefresh: true,
})
