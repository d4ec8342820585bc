import { Button, Result } from 'antd';
import { errorText } from '../api/api-error';
import './lists.css';

/** 加载更多 under a list while the BFF says more follow. */
export function MoreButton({ nextCursor, loading, onMore }: { nextCursor: string | null; loading: boolean; onMore: () => void }) {
  if (nextCursor === null) return null;
  return (
    <div className="console-list-more">
      <Button onClick={onMore} loading={loading}>
        加载更多
      </Button>
    </div>
  );
}

/** A list that could not load: what went wrong, and a way to try again. */
export function LoadFailed({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  return (
    <Result
      status="error"
      title={title}
      subTitle={errorText(error)}
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
