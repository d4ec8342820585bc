import type { ReactNode } from 'react';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { StaffProfile } from '@linli/shared/schemas/auth';
import { menuFor, roleLabels } from '../access/console-routes';
import { consoleHref } from '../access/use-console-path';

interface Props {
  staff: StaffProfile;
  path: string;
  navigate: (to: string) => void;
  onLogOut: () => void;
  children: ReactNode;
}

export function ConsoleLayout({ staff, path, navigate, onLogOut, children }: Props) {
  const items = menuFor(staff.role).map((route) => ({
    key: route.path,
    // A real link: ctrl-click opens a new tab; a plain click stays in the app.
    label: (
      <a
        href={consoleHref(route.path)}
        className={`console-menu__item console-menu__item--${route.page}`}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          navigate(route.path);
        }}
      >
        {route.title}
      </a>
    ),
  }));

  return (
    <Layout className="console-layout">
      <Layout.Sider width={208} theme="light" className="console-layout__sider">
        <div className="console-layout__brand">邻里 · 商家后台</div>
        <Menu className="console-menu" mode="inline" selectedKeys={[path]} items={items} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-layout__header">
          <Space size="middle">
            <Typography.Text className="console-header__name">{staff.displayName}</Typography.Text>
            <Tag className="console-header__role">{roleLabels[staff.role]}</Tag>
            <Button type="link" className="console-header__password" onClick={() => navigate('/account/password')}>
              修改密码
            </Button>
            <Button className="console-header__logout" onClick={onLogOut}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-layout__content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
