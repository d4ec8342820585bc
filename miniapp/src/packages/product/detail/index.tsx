import { Button as TaroButton, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Avatar, Button } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import { formatFen } from '@linli/shared/money';
import type { ProductDetail } from '@linli/shared/schemas/catalog';
import type { ProductGroupBuy } from '@linli/shared/schemas/group-buys';
import { track } from '../../../analytics/track';
import { mediaUrl } from '../../../api/client';
import { getProduct, listProductGroupBuys } from '../../../api/products';
import { initialSelection, selectedSku, selectionForJoining, valueAvailable, type SpecSelection } from '../../../catalog/sku-selection';
import { Countdown } from '../../../components/countdown';
import { StatusView } from '../../../components/status-view';
import { useShare } from '../../../hooks/use-share';
import { useTimelineShare } from '../../../hooks/use-timeline-share';
import { checkoutPage, pages, posterPage, productPage, type CheckoutSelection } from '../../../routes';
import { copyShareLink, sharePath } from '../../../sharing/share-link';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

type Loaded = { product: ProductDetail; groupBuys: ProductGroupBuy[] };
type State = { phase: 'loading' } | { phase: 'error'; message: string } | ({ phase: 'ready' } & Loaded);

function ProductDetailPage() {
  const { params } = useRouter<{ id?: string; join?: string; s?: string; tc?: string }>();
  const productId = params.id ?? '';
  const joinGroupId = params.join ?? null;
  const timeline = useTimelineShare('product', productId, params);
  const arrivedVia = timeline.arrivedVia;
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [selection, setSelection] = useState<SpecSelection>({});

  async function load() {
    setState({ phase: 'loading' });
    try {
      const [product, groupBuys] = await Promise.all([getProduct(productId), listProductGroupBuys(productId)]);
      const joinable = groupBuys.items[0]?.skus.map((s) => s.skuId) ?? [];
      setSelection(joinGroupId === null ? initialSelection(product.skus) : selectionForJoining(product.skus, joinable));
      setState({ phase: 'ready', product, groupBuys: groupBuys.items });
      track({ name: 'product_view', productId: product.id });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : '加载失败' });
    }
  }

  useLoad(() => {
    void load();
  });

  const share = useShare('product', state.phase === 'ready' ? productId : null);
  useShareAppMessage(() => {
    const title = state.phase === 'ready' ? state.product.title : '邻里好物';
    const fallback = productPage(productId);
    // WeChat waits up to 3 s for `promise`, then sends the card with `path`.
    return { title, path: fallback, promise: share('chat').then((id) => ({ title, path: sharePath(id, fallback) })) };
  });
  useShareTimeline(() =>
    state.phase === 'ready' ? { title: state.product.title, query: timeline.query, imageUrl: mediaUrl(state.product.coverUrl) } : { title: '邻里好物', query: timeline.query },
  );

  if (state.phase === 'loading') return <View className='product-loading'>加载中…</View>;
  if (state.phase === 'error') {
    return <StatusView tone='error' title='商品加载失败' description={state.message} action={{ label: '重新加载', onTap: () => void load() }} />;
  }
  return (
    <ProductView
      {...state}
      selection={selection}
      onSelect={setSelection}
      joinGroupId={joinGroupId}
      onCopyLink={() => void copyShareLink(share('link'))}
      arrivedVia={arrivedVia}
    />
  );
}

interface ProductViewProps extends Loaded {
  selection: SpecSelection;
  onSelect: (selection: SpecSelection) => void;
  joinGroupId: string | null;
  onCopyLink: () => void;
  /** the share id this visit came through, passed on to checkout */
  arrivedVia: string | undefined;
}

function ProductView({ product, groupBuys, selection, onSelect, joinGroupId, onCopyLink, arrivedVia }: ProductViewProps) {
  const sku = selectedSku(product.skus, product.specs.map((s) => s.name), selection);
  const campaign = groupBuys[0] ?? null;
  const campaignSku = useMemo(() => (campaign && sku ? campaign.skus.find((s) => s.skuId === sku.id) ?? null : null), [campaign, sku]);
  const lowestGroupPrice = campaign ? Math.min(...campaign.skus.map((s) => s.groupPrice)) : null;
  const price = sku?.price ?? product.price;
  const listPrice = sku?.listPrice ?? product.listPrice;

  function go(selectionFor: (skuId: string) => CheckoutSelection) {
    if (sku === null) {
      void Taro.showToast({ title: '请先选择规格', icon: 'none' });
      return;
    }
    if (sku.stock === 0) {
      void Taro.showToast({ title: '该规格已售罄', icon: 'none' });
      return;
    }
    void Taro.navigateTo({ url: checkoutPage({ ...selectionFor(sku.id), shareId: arrivedVia }) });
  }

  function groupAction(groupId: string | null) {
    if (campaign === null) return;
    if (sku !== null && campaignSku === null) {
      void Taro.showToast({ title: '该规格不参加拼团', icon: 'none' });
      return;
    }
    go((skuId) =>
      groupId === null
        ? { mode: 'open-group', skuId, quantity: 1, campaignId: campaign.campaignId }
        : { mode: 'join-group', skuId, quantity: 1, campaignId: campaign.campaignId, groupId },
    );
  }

  return (
    <View className='product-page'>
      <Swiper className='product-swiper' indicatorDots circular>
        {(product.images.length > 0 ? product.images : [product.coverUrl]).map((image) => (
          <SwiperItem key={image}>
            <Image className='product-swiper__image' src={mediaUrl(image)} mode='aspectFill' />
          </SwiperItem>
        ))}
      </Swiper>

      <View className='product-summary'>
        <View className='product-prices'>
          {campaignSku ? (
            <Text className='product-group-price'>拼团价 {formatFen(campaignSku.groupPrice)}</Text>
          ) : (
            lowestGroupPrice !== null && <Text className='product-group-price'>拼团价 {formatFen(lowestGroupPrice)} 起</Text>
          )}
          <Text className='product-price'>{formatFen(price)}</Text>
          {listPrice > price && <Text className='product-list-price'>{formatFen(listPrice)}</Text>}
        </View>
        <Text className='product-title'>{product.title}</Text>
        {product.subtitle !== '' && <Text className='product-subtitle'>{product.subtitle}</Text>}
        {product.salesCount > 0 && <Text className='product-sales'>已售 {product.salesCount}</Text>}
      </View>

      {product.specs.length > 0 && (
        <View className='sku-picker'>
          {product.specs.map((spec) => (
            <View key={spec.name} className='sku-picker__spec'>
              <Text className='sku-picker__name'>{spec.name}</Text>
              <View className='sku-picker__values'>
                {spec.values.map((value) => {
                  const active = selection[spec.name] === value;
                  const available = valueAvailable(product.skus, selection, spec.name, value);
                  return (
                    <View
                      key={value}
                      className={`sku-option${active ? ' sku-option--active' : ''}${available ? '' : ' sku-option--disabled'}`}
                      onClick={() => available && onSelect(active ? omit(selection, spec.name) : { ...selection, [spec.name]: value })}
                    >
                      {value}
                    </View>
                  );
                })}
              </View>
            </View>
          ))}
          {sku && <Text className='sku-stock'>{sku.stock > 0 ? `库存 ${sku.stock}` : '已售罄'}</Text>}
        </View>
      )}

      {campaign && (
        <View className='group-buy-campaign'>
          <Text className='group-buy-campaign__title'>{campaign.title}</Text>
          <Text className='group-buy-campaign__note'>
            {campaign.groupSize} 人成团，{campaign.timeLimitMinutes >= 60 ? `${Math.round(campaign.timeLimitMinutes / 60)} 小时` : `${campaign.timeLimitMinutes} 分钟`}内凑齐，不成团自动退款
          </Text>
          {campaign.newUsersOnly && <Text className='group-buy-campaign__note'>仅限新用户参团</Text>}
          {campaign.openGroups.length === 0 ? (
            <Text className='group-buy-campaign__note'>暂无进行中的团，发起拼团邀好友一起买</Text>
          ) : (
            campaign.openGroups.map((group) => (
              <View key={group.id} className={`open-group${group.id === joinGroupId ? ' open-group--invited' : ''}`}>
                <Avatar className='open-group__avatar' src={group.leader.avatarUrl === '' ? '' : mediaUrl(group.leader.avatarUrl)} />
                <View className='open-group__info'>
                  <Text className='open-group__leader'>{group.leader.nickname} 的团</Text>
                  <Text className='open-group__missing'>还差 {group.missing} 人</Text>
                  <Countdown className='open-group__countdown' expiresAt={group.expiresAt} />
                </View>
                <Button className='open-group-join' type='primary' size='small' onClick={() => groupAction(group.id)}>
                  参与拼团
                </Button>
              </View>
            ))
          )}
        </View>
      )}

      {product.detail !== '' && <Text className='product-detail'>{product.detail}</Text>}

      <View className='product-actions'>
        {process.env.TARO_ENV === 'weapp' ? (
          <TaroButton className='share-button' openType='share'>
            分享
          </TaroButton>
        ) : (
          <TaroButton className='share-button' onClick={onCopyLink}>
            分享
          </TaroButton>
        )}
        <TaroButton className='share-poster' onClick={() => void Taro.navigateTo({ url: posterPage('product', product.id) })}>
          生成海报
        </TaroButton>
        <Button className='buy-alone' onClick={() => go((skuId) => ({ mode: 'single', skuId, quantity: 1 }))}>
          单独购买 {formatFen(price)}
        </Button>
        {campaign && joinGroupId !== null && (
          <Button className='join-group' type='primary' onClick={() => groupAction(joinGroupId)}>
            参与拼团
          </Button>
        )}
        {campaign && joinGroupId === null && (
          <Button className='open-group-button' type='primary' onClick={() => groupAction(null)}>
            发起拼团
          </Button>
        )}
      </View>
    </View>
  );
}

function omit(selection: SpecSelection, name: string): SpecSelection {
  return Object.fromEntries(Object.entries(selection).filter(([key]) => key !== name));
}

export default shopPage(pages.product, ProductDetailPage);
