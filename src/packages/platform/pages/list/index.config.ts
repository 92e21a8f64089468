export default definePageConfig({
  navigationBarTitleText: '家乡创新平台',
  enablePullDownRefresh: true,
})
