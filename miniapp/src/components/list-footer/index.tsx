import { Text, View } from '@tarojs/components';
import './index.scss';

/** more: another page exists (scrolling or a tap fetches it) · loading · failed: tap to retry · end */
export type ListFooterState = 'more' | 'loading' | 'failed' | 'end';

const COPY: Record<ListFooterState, string> = {
  more: '上拉加载更多',
  loading: '正在加载…',
  failed: '加载失败，点击重试',
  end: '— 没有更多了 —',
};

/** The line under a paged list. Tappable whenever a next page can be fetched. */
export function ListFooter({ state, onLoadMore }: { state: ListFooterState; onLoadMore: () => void }) {
  const tappable = state === 'more' || state === 'failed';
  return (
    <View className={`list-footer list-footer--${state}`} onClick={tappable ? onLoadMore : undefined}>
      <Text>{COPY[state]}</Text>
    </View>
  );
}
