import { Button, Typography } from 'antd';
import { errorText } from '../api/api-error';
import type { CursorList } from './use-cursor-list';

/** Under a cursor list: 加载更多 while pages remain (重试 after a failed one), else how many rows there are. */
export function MoreFooter<T>({ list, onMore, unit, className }: { list: CursorList<T>; onMore: () => void; unit: string; className: string }) {
  if (list.phase !== 'ready') return null;
  return (
    <div className={className} style={{ textAlign: 'center', marginTop: 16 }}>
      {typeof list.more === 'object' && <Typography.Text type="danger">{errorText(list.more.failed)} </Typography.Text>}
      {list.nextCursor !== null ? (
        <Button className={`${className}__button`} loading={list.more === 'loading'} onClick={onMore}>
          {typeof list.more === 'object' ? '重试' : '加载更多'}
        </Button>
      ) : (
        list.items.length > 0 && (
          <Typography.Text type="secondary">
            已显示全部 {list.items.length} {unit}
          </Typography.Text>
        )
      )}
    </div>
  );
}
