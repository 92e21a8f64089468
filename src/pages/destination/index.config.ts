export default definePageConfig({
  navigationBarTitleText: '毕业去向登记',
  enablePullDownRefresh: true,
})
