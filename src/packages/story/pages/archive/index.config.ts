export default definePageConfig({
  navigationBarTitleText: '我的翼展档案海报',
})
