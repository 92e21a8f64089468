export default definePageConfig({
  navigationBarTitleText: '重点产业领域',
})
