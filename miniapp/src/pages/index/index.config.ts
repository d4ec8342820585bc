export default definePageConfig({
  navigationBarTitleText: '邻里',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
});
