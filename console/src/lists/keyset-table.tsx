import type { HTMLAttributes } from 'react';
import { Button, Result, Skeleton, Table, type TableProps } from 'antd';
import { errorText } from '../api/api-error';
import type { useKeysetList } from './use-keyset-list';

type Props<T extends { id: string }> = Omit<TableProps<T>, 'dataSource' | 'rowKey' | 'pagination' | 'onRow'> & {
  list: ReturnType<typeof useKeysetList<T>>;
  /** what failed to load, e.g. '拼团活动加载失败' */
  failedTitle: string;
  /** each row carries `data-<rowAttribute>="<id>"` for the e2e and for staff tools that read the page */
  rowAttribute: string;
};

/** A keyset list on screen: a skeleton while the first page loads, 重试 when it failed, then the table and 加载更多. */
export function KeysetTable<T extends { id: string }>({ list, failedTitle, rowAttribute, ...table }: Props<T>) {
  const { load } = list;
  if (load.phase === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.phase === 'failed') {
    return (
      <Result
        status="error"
        title={failedTitle}
        subTitle={errorText(load.error)}
        extra={
          <Button type="primary" onClick={list.reload}>
            重试
          </Button>
        }
      />
    );
  }
  return (
    <>
      <Table<T>
        {...table}
        rowKey="id"
        pagination={false}
        dataSource={load.items}
        onRow={(row) => {
          const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = { [`data-${rowAttribute}`]: row.id };
          return attributes;
        }}
      />
      {load.nextCursor !== null && (
        <div className="console-more">
          <Button onClick={() => void list.loadMore()} loading={list.loadingMore}>
            加载更多
          </Button>
        </div>
      )}
    </>
  );
}
