export default definePageConfig({
  navigationBarTitleText: '写故事',
})
