import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { Category } from '@linli/shared/schemas/catalog';
import { listCategories } from '../../../api/catalog';
import { listProducts } from '../../../api/products';
import { endPullDownRefresh, usePagedList } from '../../../paging/use-paged-list';
import { pages } from '../../../routes';
import { routeParam } from '../route-param';
import { ProductList, productId } from '../../../components/product-list';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

type Current = Pick<Category, 'id' | 'name'>;

/** One category's products, with its sibling categories along the top to switch without going back. */
function CategoryPage() {
  const { params } = useRouter<{ id?: string; name?: string }>();
  const [current, setCurrent] = useState<Current>({ id: routeParam(params.id), name: routeParam(params.name) || '分类' });
  const [siblings, setSiblings] = useState<Category[]>([]);

  const fetchPage = useCallback((cursor: string | null) => listProducts(cursor, { categoryId: current.id }), [current.id]);
  const list = usePagedList(fetchPage, productId);
  const { load, loadMoreOnScroll } = list;

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: current.name });
    void load('first');
  }, [current, load]);

  useEffect(() => {
    listCategories()
      .then((r) => setSiblings(r.items))
      .catch(() => setSiblings([]));
  }, []);

  usePullDownRefresh(() => endPullDownRefresh(load('refresh')));
  useReachBottom(loadMoreOnScroll);

  return (
    <View className='category-page'>
      {siblings.length > 1 && (
        <ScrollView className='category-tabs' scrollX scrollIntoView={`category-tab-${current.id}`}>
          {siblings.map((c) => (
            <View
              key={c.id}
              id={`category-tab-${c.id}`}
              className={`category-tab${c.id === current.id ? ' category-tab--active' : ''}`}
              onClick={() => c.id !== current.id && setCurrent({ id: c.id, name: c.name })}
            >
              <Text>{c.name}</Text>
            </View>
          ))}
        </ScrollView>
      )}
      <ProductList className='category-products' list={list} empty={{ title: '这个分类还没有商品', description: '去看看别的分类吧' }} />
    </View>
  );
}

export default shopPage(pages.category, CategoryPage);
