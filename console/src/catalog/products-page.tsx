import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import type { ConsoleCategory, ConsoleProductDetail, ConsoleProductRow } from '@linli/shared/schemas/catalog-console';
import { allows } from '@linli/shared/staff-permissions';
import { errorText } from '../api/api-error';
import { staffSession } from '../api/console-api';
import { useKeysetList } from '../lists/keyset-list';
import { KeysetTable } from '../lists/keyset-table';
import { catalogApi } from './catalog-api';
import { CategoriesPanel } from './categories-panel';
import { ProductEditor, type EditorTarget } from './product-editor';
import { emptyFilters, keywordProblem, productListQuery, shelfTabs, type ProductFilters } from './product-filters';
import { priceRangeText, rowOf, shelfQuestion, stockText } from './product-view';
import './catalog.css';

type Categories = { loading: boolean; items: ConsoleCategory[] };

type SearchInput = { q: string; categoryId: string | undefined };

function useCategories() {
  const [state, setState] = useState<Categories>({ loading: true, items: [] });
  const { message } = App.useApp();
  const reload = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true }));
    catalogApi.categories().then(
      (list) => setState({ loading: false, items: list.items }),
      (error: unknown) => {
        setState((previous) => ({ ...previous, loading: false }));
        void message.error(`类目加载失败：${errorText(error)}`);
      },
    );
  }, [message]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

/** 商品管理: the product list (GET /api/console/products, keyset 加载更多), the product form in a drawer, and the categories. */
export default function ProductsPage() {
  const role = staffSession.current()?.role;
  const canWrite = role !== undefined && allows(role, 'catalog.write');
  const { message } = App.useApp();
  const categories = useCategories();
  const [tab, setTab] = useState<'products' | 'categories'>('products');
  const [filters, setFilters] = useState<ProductFilters>(emptyFilters);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [shelving, setShelving] = useState<string | null>(null);
  const [form] = Form.useForm<SearchInput>();
  const categoryNames = useMemo(() => new Map(categories.items.map((c) => [c.id, c.name])), [categories.items]);
  const keyset = useKeysetList(
    useCallback((cursor: string | null) => catalogApi.products(productListQuery(filters, cursor)), [filters]),
  );

  function search({ q, categoryId }: SearchInput) {
    const problem = keywordProblem(q ?? '');
    if (problem) {
      form.setFields([{ name: 'q', errors: [problem] }]);
      return;
    }
    setFilters({ ...filters, q: q ?? '', categoryId: categoryId ?? null });
  }

  function reset() {
    form.resetFields();
    setFilters({ ...emptyFilters, shelf: filters.shelf });
  }

  // A saved product shows in its row at once (a new one on top); the row keeps its place until the list reloads.
  const { updateItems } = keyset;
  const showProduct = useCallback(
    (product: ConsoleProductDetail, created = false) => {
      const row = rowOf(product);
      updateItems((items) => (created ? [row, ...items] : items.map((item) => (item.id === row.id ? row : item))));
    },
    [updateItems],
  );

  async function toggleShelf(row: ConsoleProductRow) {
    setShelving(row.id);
    try {
      const product = await catalogApi.setShelf(row.id, !row.onShelf);
      showProduct(product);
      void message.success(product.onShelf ? `「${product.title}」已上架` : `「${product.title}」已下架`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setShelving(null);
    }
  }

  const columns = [
    {
      title: '商品',
      key: 'title',
      render: (_: unknown, row: ConsoleProductRow) => (
        <Space size={12} className="product-cell">
          {row.coverUrl ? <img className="product-cell__cover" src={row.coverUrl} alt="" /> : <div className="product-cell__cover product-cell__cover--none">无图</div>}
          <div className="product-cell__text">
            <Typography.Text className="product-cell__title" ellipsis={{ tooltip: row.title }}>
              {row.title}
            </Typography.Text>
            <Typography.Text type="secondary" className="product-cell__skus">
              {row.skuCount} 个 SKU
            </Typography.Text>
          </div>
        </Space>
      ),
    },
    { title: '类目', dataIndex: 'categoryId', key: 'categoryId', width: 120, render: (id: string) => categoryNames.get(id) ?? '—' },
    { title: '价格', key: 'price', width: 190, align: 'right' as const, render: (_: unknown, row: ConsoleProductRow) => priceRangeText(row) },
    {
      title: '总库存',
      dataIndex: 'totalStock',
      key: 'totalStock',
      width: 90,
      align: 'right' as const,
      render: (total: number) => {
        const stock = stockText(total);
        return stock.soldOut ? <Typography.Text type="danger">{stock.text}</Typography.Text> : stock.text;
      },
    },
    { title: '销量', dataIndex: 'salesCount', key: 'salesCount', width: 80, align: 'right' as const },
    {
      title: '状态',
      key: 'onShelf',
      width: 110,
      render: (_: unknown, row: ConsoleProductRow) => {
        if (!canWrite) return row.onShelf ? <Tag color="green">出售中</Tag> : <Tag>已下架</Tag>;
        const question = shelfQuestion(row.title, row.onShelf);
        return (
          <Popconfirm
            title={question.title}
            description={question.description}
            okText={row.onShelf ? '下架' : '上架'}
            cancelText="取消"
            okButtonProps={{ className: 'product-shelf__confirm' }}
            onConfirm={() => toggleShelf(row)}
          >
            <Switch className="product-shelf" checked={row.onShelf} loading={shelving === row.id} checkedChildren="出售中" unCheckedChildren="已下架" />
          </Popconfirm>
        );
      },
    },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 170, render: (at: string) => shanghaiTimestamp(at) },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, row: ConsoleProductRow) => (
        <Button type="link" size="small" className="product-row__open" onClick={() => setEditor({ mode: 'edit', id: row.id })}>
          {canWrite ? '编辑' : '查看'}
        </Button>
      ),
    },
  ];

  const productsTab = (
    <>
      <Card size="small">
        <Tabs
          className="products-filter__shelf"
          activeKey={filters.shelf}
          onChange={(key) => setFilters({ ...filters, shelf: shelfTabs.find((t) => t.key === key)?.key ?? 'all' })}
          items={shelfTabs.map((t) => ({ key: t.key, label: t.label }))}
        />
        <Form form={form} layout="inline" onFinish={search} className="products-filter" initialValues={{ q: '', categoryId: undefined }}>
          <Form.Item label="关键词" name="q">
            <Input className="products-filter__keyword" placeholder="标题或副标题" allowClear style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="类目" name="categoryId">
            <Select
              className="products-filter__category"
              placeholder="全部类目"
              allowClear
              style={{ width: 180 }}
              options={categories.items.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" className="products-filter__submit">
                查询
              </Button>
              <Button onClick={reset}>重置</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" style={{ marginTop: 16 }}>
        <KeysetTable<ConsoleProductRow>
          keyset={keyset}
          name="products"
          failedTitle="商品加载失败"
          allShown={(n) => `已显示全部 ${n} 个商品`}
          rowKey="id"
          columns={columns}
          locale={{ emptyText: '没有符合条件的商品' }}
          onRow={(row) => {
            const attributes: HTMLAttributes<HTMLElement> & { 'data-product-id': string } = { 'data-product-id': row.id, className: 'product-row' };
            return attributes;
          }}
        />
      </Card>
    </>
  );

  return (
    <div className="console-products">
      <div className="products-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          商品管理
        </Typography.Title>
        {canWrite && tab === 'products' && (
          <Button type="primary" className="products-create" onClick={() => setEditor({ mode: 'create' })}>
            新建商品
          </Button>
        )}
      </div>
      <Tabs
        className="products-tabs"
        activeKey={tab}
        onChange={(key) => setTab(key === 'categories' ? 'categories' : 'products')}
        items={[
          { key: 'products', label: '商品列表', children: productsTab },
          {
            key: 'categories',
            label: '类目管理',
            children: <CategoriesPanel categories={categories.items} loading={categories.loading} canWrite={canWrite} onChanged={categories.reload} />,
          },
        ]}
      />
      <ProductEditor
        target={editor}
        canWrite={canWrite}
        categories={categories.items}
        onClose={() => setEditor(null)}
        onSaved={(product, created) => {
          setEditor(null);
          showProduct(product, created);
          void message.success(created ? `已创建「${product.title}」` : `已保存「${product.title}」`);
          if (created) categories.reload();
        }}
        onChanged={(product) => showProduct(product)}
      />
    </div>
  );
}
