import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProductCard as ProductCardData } from '@linli/shared/schemas/catalog';
import { ListFooter } from '../list-footer';
import { ProductCard } from '../product-card';
import { ProductGridSkeleton } from '../product-grid-skeleton';
import { StatusView } from '../status-view';
import { footerStateOf, phaseOf } from '../../paging/paged-list';
import type { PagedListHandle } from '../../paging/use-paged-list';
import { productPage } from '../../routes';

export const productId = (product: ProductCardData) => product.id;

/** A paged product grid with its skeleton, error and empty states (home, category and search results). */
export function ProductList({
  className,
  list,
  empty,
}: {
  className: string;
  list: PagedListHandle<ProductCardData>;
  empty: { className?: string; title: string; description: string };
}) {
  const { state, load } = list;
  // A new first load (another category, another keyword) replaces the list: the old one is not shown meanwhile.
  const phase = state.pending?.kind === 'first' ? 'skeleton' : phaseOf(state);
  return (
    <View className={className}>
      {phase === 'skeleton' && <ProductGridSkeleton />}
      {phase === 'error' && (
        <StatusView tone='error' title='加载失败' description={state.error?.message ?? '网络不给力，请稍后重试'} action={{ label: '重新加载', onTap: () => void load('first') }} />
      )}
      {phase === 'empty' && (
        <View className={empty.className}>
          <StatusView tone='empty' title={empty.title} description={empty.description} />
        </View>
      )}
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
