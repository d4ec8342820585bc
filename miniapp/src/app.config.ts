export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    navigationBarTitleText: '邻里',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
});
