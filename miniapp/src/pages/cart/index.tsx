import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen } from '@linli/shared/money';
import type { Cart, CartLine } from '@linli/shared/schemas/cart';
import { mediaUrl } from '../../api/client';
import { getCart } from '../../api/me';
import { StatusView } from '../../components/status-view';
import { checkoutPage, pages, productPage } from '../../routes';
import { shopPage } from '../../components/shop-page';
import './index.scss';

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; cart: Cart };

const problemText: Record<NonNullable<CartLine['problem']>, string> = {
  OFF_SHELF: '已下架',
  OUT_OF_STOCK: '已售罄',
  INSUFFICIENT_STOCK: '库存不足',
};

function CartPage() {
  const [state, setState] = useState<State>({ phase: 'loading' });

  async function load() {
    try {
      setState({ phase: 'ready', cart: await getCart() });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : '加载失败' });
    }
  }

  // Prices and stock change while the shopper is elsewhere: re-read on every visit.
  useDidShow(() => {
    void load();
  });

  if (state.phase === 'loading') return <View className='cart-loading'>加载中…</View>;
  if (state.phase === 'error') {
    return (
      <View>
        <StatusView tone='error' title='购物车加载失败' description={state.message} action={{ label: '重新加载', onTap: () => void load() }} />
      </View>
    );
  }
  const { lines, quote } = state.cart;
  if (lines.length === 0) return <StatusView tone='empty' title='购物车是空的' description='去首页逛逛，挑几样好物吧' />;
  // Lines that went off shelf or out of stock stay in the cart but are not ordered.
  const buyable = lines.filter((line) => line.problem === null);
  return (
    <View className='cart-page'>
      {lines.map((line) => (
        <View
          key={line.skuId}
          className={`cart-line${line.problem ? ' cart-line--problem' : ''}`}
          onClick={() => void Taro.navigateTo({ url: productPage(line.productId) })}
        >
          <Image className='cart-line__image' src={mediaUrl(line.image)} mode='aspectFill' />
          <View className='cart-line__body'>
            <Text className='cart-line__title'>{line.title}</Text>
            {line.specText !== '' && <Text className='cart-line__spec'>{line.specText}</Text>}
            <View className='cart-line__bottom'>
              <Text className='cart-line__price'>{formatFen(line.unitPrice)}</Text>
              <Text className='cart-line__quantity'>×{line.quantity}</Text>
            </View>
            {line.problem && <Text className='cart-line__problem'>{problemText[line.problem]}</Text>}
          </View>
        </View>
      ))}
      <View className={`cart-total${process.env.TARO_ENV === 'h5' ? ' cart-total--above-tabbar' : ''}`}>
        <Text>合计：</Text>
        <Text className='cart-total__payable'>{quote ? formatFen(quote.payable) : '—'}</Text>
        <View
          className={`cart-settle${buyable.length === 0 ? ' cart-settle--disabled' : ''}`}
          onClick={() =>
            buyable.length > 0 &&
            void Taro.navigateTo({ url: checkoutPage({ mode: 'cart', lines: buyable.map((line) => ({ skuId: line.skuId, quantity: line.quantity })) }) })
          }
        >
          去结算{buyable.length > 0 ? `(${buyable.length})` : ''}
        </View>
      </View>
    </View>
  );
}

export default shopPage(pages.cart, CartPage);
