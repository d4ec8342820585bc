import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen } from '@linli/shared/money';
import type { Category } from '@linli/shared/schemas/catalog';
import type { RunningCampaign } from '@linli/shared/schemas/group-buys';
import { mediaUrl } from '../../api/client';
import { categoryPage, productPage, searchPage } from '../../routes';
import type { BannerItem } from './banner-items';

const open = (url: string) => () => void Taro.navigateTo({ url });

export function HomeSearch() {
  return (
    <View className='home-search' onClick={open(searchPage())}>
      <View className='home-search__box'>
        <View className='home-search__icon' />
        <Text className='home-search__placeholder'>搜索商品</Text>
      </View>
    </View>
  );
}

export function HomeBanner({ items }: { items: BannerItem[] }) {
  if (items.length === 0) return null;
  return (
    <Swiper className='home-banner' indicatorDots={items.length > 1} indicatorActiveColor='#ffffff' autoplay circular interval={4000}>
      {items.map((item) => (
        <SwiperItem key={item.key}>
          <View className='home-banner__item' onClick={open(productPage(item.productId))}>
            <Image className='home-banner__image' src={mediaUrl(item.imageUrl)} mode='aspectFill' />
            <View className='home-banner__text'>
              <Text className='home-banner__title'>{item.title}</Text>
              <Text className='home-banner__caption'>{item.caption}</Text>
            </View>
          </View>
        </SwiperItem>
      ))}
    </Swiper>
  );
}

/** Five colours in turn, so neighbouring categories look different without any image to download. */
const TINTS = 5;

export function HomeCategories({ categories }: { categories: Category[] }) {
  if (categories.length === 0) return null;
  return (
    <View className='home-categories'>
      {categories.map((category, index) => (
        <View key={category.id} className='home-category' onClick={open(categoryPage(category.id, category.name))}>
          <View className={`home-category__icon home-category__icon--${index % TINTS}`}>
            <Text>{category.name.slice(0, 1)}</Text>
          </View>
          <Text className='home-category__name'>{category.name}</Text>
        </View>
      ))}
    </View>
  );
}

export function HotGroupBuys({ campaigns }: { campaigns: RunningCampaign[] }) {
  if (campaigns.length === 0) return null;
  return (
    <View className='hot-group-buys'>
      <Text className='home-section-title'>热门拼团</Text>
      {campaigns.map((c) => (
        <View key={c.campaignId} className='hot-group-buy' onClick={open(productPage(c.productId))}>
          <Image className='hot-group-buy__image' src={mediaUrl(c.coverUrl)} mode='aspectFill' lazyLoad />
          <View className='hot-group-buy__body'>
            <Text className='hot-group-buy__title'>{c.productTitle}</Text>
            <View className='hot-group-buy__tags'>
              <Text className='hot-group-buy__size'>{c.groupSize}人团</Text>
              {c.joinedCount > 0 ? (
                <Text className='hot-group-buy__count'>已拼 {c.joinedCount} 件</Text>
              ) : (
                c.salesCount > 0 && <Text className='hot-group-buy__count'>已售 {c.salesCount}</Text>
              )}
            </View>
            <View className='hot-group-buy__bottom'>
              <Text className='hot-group-buy__group-price'>{formatFen(c.groupPrice)}</Text>
              {c.price > c.groupPrice && <Text className='hot-group-buy__price'>{formatFen(c.price)}</Text>}
              <Text className='hot-group-buy__go'>去拼团</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
