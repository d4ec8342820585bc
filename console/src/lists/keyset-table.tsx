import { Button, Table, Typography, type TableProps } from 'antd';
import { errorText } from '../api/api-error';
import { LoadFailed } from '../pages/status-pages';
import type { KeysetList, useKeysetList } from './keyset-list';

interface Props<T> extends Omit<TableProps<T>, 'className' | 'dataSource' | 'loading' | 'pagination'> {
  keyset: Pick<ReturnType<typeof useKeysetList<T>>, 'list' | 'loadMore' | 'retry'>;
  /** `orders` names the parts `.orders-table`, `.orders-error`, `.orders-more` and `.orders-more__button` */
  name: string;
  failedTitle: string;
  /** what the end of the list says, e.g. n => `已显示全部 ${n} 单` */
  allShown: (count: number) => string;
}

/** A keyset list as a table: the first page loading, a failed read with 重试, and 加载更多 under the rows. */
export function KeysetTable<T extends object>({ keyset, name, failedTitle, allShown, ...table }: Props<T>) {
  const { list, loadMore, retry } = keyset;
  if (list.phase === 'failed') return <LoadFailed className={`${name}-error`} title={failedTitle} error={list.error} onRetry={retry} />;
  return (
    <>
      <Table<T> className={`${name}-table`} loading={list.phase === 'loading'} dataSource={list.phase === 'ready' ? list.items : []} pagination={false} {...table} />
      {list.phase === 'ready' && <LoadMore list={list} onMore={() => void loadMore()} className={`${name}-more`} allShown={allShown} />}
    </>
  );
}

function LoadMore<T>({ list, onMore, className, allShown }: { list: Extract<KeysetList<T>, { phase: 'ready' }>; onMore: () => void; className: string; allShown: (count: number) => string }) {
  const failed = typeof list.more === 'object' ? list.more : null;
  return (
    <div className={className} style={{ textAlign: 'center', marginTop: 16 }}>
      {failed && <Typography.Text type="danger">{errorText(failed.failed)} </Typography.Text>}
      {list.nextCursor !== null ? (
        <Button className={`${className}__button`} loading={list.more === 'loading'} onClick={onMore}>
          {failed ? '重试' : '加载更多'}
        </Button>
      ) : (
        list.items.length > 0 && <Typography.Text type="secondary">{allShown(list.items.length)}</Typography.Text>
      )}
    </div>
  );
}
