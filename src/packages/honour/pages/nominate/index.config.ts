export default definePageConfig({
  navigationBarTitleText: '申报与提名',
})
