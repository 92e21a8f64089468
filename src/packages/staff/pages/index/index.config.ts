export default definePageConfig({
  navigationBarTitleText: '团市委工作台',
})
