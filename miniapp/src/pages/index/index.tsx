import { Text, View } from '@tarojs/components';
import { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useMemo } from 'react';
import { listProducts } from '../../api/products';
import { ProductList, productId } from '../../components/product-list';
import { endPullDownRefresh, usePagedList } from '../../paging/use-paged-list';
import { pages } from '../../routes';
import { bannerItems } from './banner-items';
import { HomeBanner, HomeCategories, HomeSearch, HotGroupBuys } from './home-header';
import { useHomeSections } from './use-home-sections';
import { shopPage } from '../../components/shop-page';
import './index.scss';

function IndexPage() {
  const products = usePagedList(listProducts, productId);
  const { state, load, loadMoreOnScroll } = products;
  const { sections, reload } = useHomeSections();

  useLoad(() => {
    void load('first');
    void reload();
  });

  usePullDownRefresh(() => endPullDownRefresh(Promise.all([load('refresh'), reload()]).then(([after]) => after)));

  useReachBottom(loadMoreOnScroll);

  const banner = useMemo(() => bannerItems(sections.campaigns, state.items), [sections.campaigns, state.items]);
  return (
    <View className='index'>
      <HomeSearch />
      <HomeBanner items={banner} />
      <HomeCategories categories={sections.categories} />
      <HotGroupBuys campaigns={sections.campaigns} />
      <Text className='home-section-title home-section-title--grid'>为你推荐</Text>
      <ProductList
        className='home-products'
        list={products}
        empty={{ title: '暂无商品', description: '店铺正在上新，下拉刷新看看' }}
      />
    </View>
  );
}

export default shopPage(pages.home, IndexPage);
