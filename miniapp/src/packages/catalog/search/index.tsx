import { Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ProductPage } from '@linli/shared/schemas/catalog';
import { listProducts } from '../../../api/products';
import { endPullDownRefresh, usePagedList } from '../../../paging/use-paged-list';
import { pages } from '../../../routes';
import { routeParam } from '../route-param';
import { ProductList, productId } from '../../../components/product-list';
import { recentSearches } from './recent-searches';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

const MAX_KEYWORD = 50;

const store = recentSearches({
  get: (key) => Taro.getStorageSync(key) as unknown,
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
});

const noResults: ProductPage = { items: [], nextCursor: null };

function SearchPage() {
  const { params } = useRouter<{ q?: string }>();
  const initial = routeParam(params.q).trim().slice(0, MAX_KEYWORD);
  const [text, setText] = useState(initial);
  const [keyword, setKeyword] = useState(initial);
  const [history, setHistory] = useState<string[]>(() => (initial === '' ? store.read() : store.add(initial)));

  const fetchPage = useCallback(
    (cursor: string | null) => (keyword === '' ? Promise.resolve(noResults) : listProducts(cursor, { q: keyword })),
    [keyword],
  );
  const list = usePagedList(fetchPage, productId);
  const { load, loadMoreOnScroll } = list;

  useEffect(() => {
    if (keyword !== '') void load('first');
  }, [keyword, load]);

  function search(raw: string) {
    const next = raw.trim().slice(0, MAX_KEYWORD);
    if (next === '') {
      void Taro.showToast({ title: '请输入要搜索的商品', icon: 'none' });
      return;
    }
    setText(next);
    setHistory(store.add(next));
    if (next === keyword) void load('first');
    else setKeyword(next);
  }

  function clearHistory() {
    store.clear();
    setHistory([]);
  }

  usePullDownRefresh(async () => {
    if (keyword === '') Taro.stopPullDownRefresh();
    else await endPullDownRefresh(load('refresh'));
  });
  useReachBottom(loadMoreOnScroll);

  const showHistory = keyword === '';
  return (
    <View className='search-page'>
      <View className='search-bar'>
        <View className='search-input'>
          <Input
            className='search-input__field'
            value={text}
            focus={initial === ''}
            placeholder='搜索商品'
            confirmType='search'
            maxlength={MAX_KEYWORD}
            onInput={(e) => setText(e.detail.value)}
            onConfirm={(e) => search(e.detail.value)}
          />
        </View>
        <Text className='search-submit' onClick={() => search(text)}>
          搜索
        </Text>
      </View>

      {showHistory ? (
        history.length > 0 && (
          <View className='search-history'>
            <View className='search-history__head'>
              <Text className='search-history__title'>最近搜索</Text>
              <Text className='search-history__clear' onClick={clearHistory}>
                清空
              </Text>
            </View>
            <View className='search-history__list'>
              {history.map((k) => (
                <Text key={k} className='search-history__item' onClick={() => search(k)}>
                  {k}
                </Text>
              ))}
            </View>
          </View>
        )
      ) : (
        <ProductList
          className='search-results'
          list={list}
          empty={{ className: 'search-empty', title: '没有找到相关商品', description: '换个关键词试试' }}
        />
      )}
    </View>
  );
}

export default shopPage(pages.search, SearchPage);
