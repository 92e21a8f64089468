export default definePageConfig({
  navigationBarTitleText: '故事审核',
})
