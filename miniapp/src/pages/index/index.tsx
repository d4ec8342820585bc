import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useMemo } from 'react';
import type { ProductCard as ProductCardData } from '@linli/shared/schemas/catalog';
import { listProducts } from '../../api/products';
import { ListFooter } from '../../components/list-footer';
import { ProductCard } from '../../components/product-card';
import { ProductGridSkeleton } from '../../components/product-grid-skeleton';
import { StatusView } from '../../components/status-view';
import { footerStateOf, phaseOf } from '../../paging/paged-list';
import { usePagedList } from '../../paging/use-paged-list';
import { pages, productPage } from '../../routes';
import { bannerItems } from './banner-items';
import { HomeBanner, HomeCategories, HomeSearch, HotGroupBuys } from './home-header';
import { useHomeSections } from './use-home-sections';
import { shopPage } from '../../components/shop-page';
import './index.scss';

const productId = (product: ProductCardData) => product.id;

function IndexPage() {
  const { state, load, loadMoreOnScroll } = usePagedList(listProducts, productId);
  const { sections, reload } = useHomeSections();

  useLoad(() => {
    void load('first');
    void reload();
  });

  usePullDownRefresh(async () => {
    const [after] = await Promise.all([load('refresh'), reload()]);
    Taro.stopPullDownRefresh();
    if (after.error?.kind === 'refresh') {
      void Taro.showToast({ title: after.error.message, icon: 'none' });
    }
  });

  useReachBottom(loadMoreOnScroll);

  const banner = useMemo(() => bannerItems(sections.campaigns, state.items), [sections.campaigns, state.items]);
  const phase = phaseOf(state);
  return (
    <View className='index'>
      <HomeSearch />
      <HomeBanner items={banner} />
      <HomeCategories categories={sections.categories} />
      <HotGroupBuys campaigns={sections.campaigns} />
      <Text className='home-section-title home-section-title--grid'>为你推荐</Text>
      {phase === 'skeleton' && <ProductGridSkeleton />}
      {phase === 'error' && (
        <StatusView
          tone='error'
          title='加载失败'
          description={state.error?.message ?? '网络不给力，请稍后重试'}
          action={{ label: '重新加载', onTap: () => void Promise.all([load('first'), reload()]) }}
        />
      )}
      {phase === 'empty' && <StatusView tone='empty' title='暂无商品' description='店铺正在上新，下拉刷新看看' />}
      {phase === 'list' && (
        <>
          <View className='product-grid'>
            {state.items.map((product) => (
              <View key={product.id} className='product-grid__cell' onClick={() => void Taro.navigateTo({ url: productPage(product.id) })}>
                <ProductCard product={product} />
              </View>
            ))}
          </View>
          <ListFooter state={footerStateOf(state)} onLoadMore={() => void load('more')} />
        </>
      )}
    </View>
  );
}

export default shopPage(pages.home, IndexPage);
