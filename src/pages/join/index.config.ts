export default definePageConfig({
  navigationBarTitleText: '加入翼展联盟',
})
