import { Button, Result } from 'antd';
import { errorText } from '../api/api-error';

/** A page the signed-in role may not open: said plainly, never a half-loaded screen of 403s. */
export function ForbiddenPage({ title, onBack }: { title: string; onBack: () => void }) {
  return (
    <Result
      className="console-forbidden"
      status="403"
      title="无权限访问"
      subTitle={`你的角色不能打开「${title}」。如需使用，请联系店主调整角色。`}
      extra={
        <Button type="primary" onClick={onBack}>
          返回首页
        </Button>
      }
    />
  );
}

export function NotFoundPage({ onBack }: { onBack: () => void }) {
  return (
    <Result
      className="console-not-found"
      status="404"
      title="页面不存在"
      subTitle="地址可能有误，或页面已移动。"
      extra={
        <Button type="primary" onClick={onBack}>
          返回首页
        </Button>
      }
    />
  );
}

/** A section whose page comes in a later release: the menu already shows where it will be. */
export function NotBuiltPage({ title }: { title: string }) {
  return <Result className="console-not-built" status="info" title={`「${title}」即将上线`} subTitle="此功能尚未开放，请先在小程序或接口中处理。" />;
}

/** A page or tab whose data did not load: what failed, the BFF's reason, and a way to try again. */
export function LoadFailed({ title, error, onRetry, className }: { title: string; error: unknown; onRetry: () => void; className: string }) {
  return (
    <Result
      className={className}
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
