export default definePageConfig({
  navigationBarTitleText: '青年人才故事',
  enableShareAppMessage: true,
})
