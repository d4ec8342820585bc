import { useEffect, useState } from 'react';
import { Alert, App, Avatar, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ConsoleProductRow } from '@linli/shared/schemas/catalog-console';
import type { ProductRateRow, ReferralSettings } from '@linli/shared/schemas/promoters';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { errorText } from '../api/api-error';
import { placeError } from '../forms/field-error';
import { useKeysetList } from '../lists/keyset-list';
import { KeysetTable } from '../lists/keyset-table';
import { rateFields, rateToInput, validateProductRate, type RateInput } from './product-rate-form';
import { formatRate } from './rate-percent';
import { promotersApi } from './promoters-api';

/** The product being given its own rates: one already in the table, or one to pick. */
type Editing = { productId: string; title: string } | 'new';

/** Products with their own commission rates instead of the shop default: set, change, back to default. */
export function ProductRates({ settings, canManage }: { settings: ReferralSettings; canManage: boolean }) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const keyset = useKeysetList(promotersApi.productRates);
  const reload = keyset.retry;
  const { message } = App.useApp();

  const clear = async (row: ProductRateRow) => {
    try {
      await promotersApi.clearProductRate(row.productId);
      void message.success(`「${row.title}」已恢复默认佣金比例`);
      reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const level2Default = settings.level2Enabled ? formatRate(settings.level2RateBp) : '未开启';
  const columns = [
    {
      title: '商品',
      key: 'title',
      render: (_: unknown, row: ProductRateRow) => (
        <Space>
          <Avatar shape="square" size={40} src={row.coverUrl || undefined}>
            {row.title.slice(0, 1)}
          </Avatar>
          <span>{row.title}</span>
          {!row.onShelf && <Tag>已下架</Tag>}
        </Space>
      ),
    },
    {
      title: '一级佣金',
      key: 'level1',
      width: 170,
      render: (_: unknown, row: ProductRateRow) => <RateVersusDefault own={row.level1Bp} fallback={formatRate(settings.level1RateBp)} />,
    },
    {
      title: '二级佣金',
      key: 'level2',
      width: 170,
      render: (_: unknown, row: ProductRateRow) => <RateVersusDefault own={row.level2Bp} fallback={level2Default} />,
    },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 170, render: (at: string) => shanghaiTimestamp(at) },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 160,
            render: (_: unknown, row: ProductRateRow) => (
              <Space size={4}>
                <Button size="small" type="link" className="product-rate__edit" onClick={() => setEditing({ productId: row.productId, title: row.title })}>
                  修改
                </Button>
                <Popconfirm
                  title="恢复默认比例？"
                  description={`「${row.title}」将按店铺默认比例计算佣金`}
                  okText="恢复默认"
                  cancelText="取消"
                  onConfirm={() => clear(row)}
                >
                  <Button size="small" type="link" danger className="product-rate__clear">
                    恢复默认
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="product-rates">
      <div className="product-rates__toolbar">
        <Typography.Text>
          店铺默认：一级 <strong>{formatRate(settings.level1RateBp)}</strong>，二级 <strong>{level2Default}</strong>。下列商品按各自的比例计算佣金。
        </Typography.Text>
        {canManage && (
          <Button type="primary" className="product-rates__add" onClick={() => setEditing('new')}>
            设置商品佣金
          </Button>
        )}
      </div>
      <KeysetTable<ProductRateRow>
        keyset={keyset}
        name="product-rates"
        failedTitle="商品佣金加载失败"
        allShown={(n) => `已显示全部 ${n} 个商品`}
        rowKey="productId"
        size="middle"
        columns={columns}
        locale={{ emptyText: '所有商品都按店铺默认比例计算佣金' }}
      />
      {editing !== null && (
        <RateDialog
          editing={editing}
          settings={settings}
          onClose={() => setEditing(null)}
          onSaved={(title) => {
            setEditing(null);
            void message.success(`「${title}」的佣金比例已保存`);
            reload();
          }}
        />
      )}
    </div>
  );
}

function RateVersusDefault({ own, fallback }: { own: number; fallback: string }) {
  return (
    <Space direction="vertical" size={0}>
      <strong>{formatRate(own)}</strong>
      <Typography.Text type="secondary" className="product-rate__default">
        默认 {fallback}
      </Typography.Text>
    </Space>
  );
}

function RateDialog({ editing, settings, onClose, onSaved }: { editing: Editing; settings: ReferralSettings; onClose: () => void; onSaved: (title: string) => void }) {
  const [form] = Form.useForm<RateInput>();
  const [product, setProduct] = useState<{ productId: string; title: string } | null>(editing === 'new' ? null : editing);
  const [productError, setProductError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // The form starts from the product's own rates when it has them, else from the shop default; a rate
  // the merchant typed while they loaded is theirs and stays.
  useEffect(() => {
    if (product === null) return;
    let current = true;
    promotersApi.productRate(product.productId).then(
      (found) => {
        if (!current) return;
        const loaded = rateToInput(found.rate ?? { level1Bp: settings.level1RateBp, level2Bp: settings.level2RateBp });
        form.setFields(rateFields.filter((name) => !form.isFieldTouched(name)).map((name) => ({ name, value: loaded[name] })));
      },
      (error: unknown) => current && setFormError(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, [product, form, settings]);

  async function submit() {
    setFormError(null);
    if (product === null) {
      setProductError('请选择商品');
      return;
    }
    const checked = validateProductRate(form.getFieldsValue());
    if (!checked.ok) {
      form.setFields(rateFields.map((name) => ({ name, errors: checked.errors[name] ? [checked.errors[name]] : [] })));
      return;
    }
    form.setFields(rateFields.map((name) => ({ name, errors: [] })));
    setSubmitting(true);
    try {
      await promotersApi.setProductRate(product.productId, checked.body);
      onSaved(product.title);
    } catch (error) {
      const placed = placeError(error, rateFields);
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.text] }]);
      else setFormError(placed.text);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      className="product-rate-dialog"
      title={editing === 'new' ? '设置商品佣金比例' : `修改「${editing.title}」的佣金比例`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: submitting, className: 'product-rate-dialog__ok' }}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={!submitting}
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={rateToInput({ level1Bp: settings.level1RateBp, level2Bp: settings.level2RateBp })}
        onValuesChange={(changed: Partial<RateInput>) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof RateInput, errors: [] })))}
        disabled={submitting}
      >
        {editing === 'new' && (
          <Form.Item label="商品" required validateStatus={productError ? 'error' : undefined} help={productError ?? undefined}>
            <ProductPicker
              onPick={(picked) => {
                setProduct(picked);
                setProductError(null);
              }}
            />
          </Form.Item>
        )}
        <Space size="large" align="start">
          <Form.Item label="一级佣金比例" name="level1Bp">
            <Input className="product-rate-dialog__level1" suffix="%" style={{ width: 160 }} inputMode="decimal" />
          </Form.Item>
          <Form.Item label="二级佣金比例" name="level2Bp" extra={settings.level2Enabled ? undefined : '店铺未开启二级佣金，暂不生效'}>
            <Input className="product-rate-dialog__level2" suffix="%" style={{ width: 160 }} inputMode="decimal" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** Searches the console's product list by title as staff type. */
function ProductPicker({ onPick }: { onPick: (product: { productId: string; title: string }) => void }) {
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<ConsoleProductRow[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    let current = true;
    setSearching(true);
    // Waits for a pause in typing rather than asking on every keystroke.
    const timer = setTimeout(() => {
      promotersApi.searchProducts(keyword.trim()).then(
        (page) => current && setOptions(page.items),
        () => current && setOptions([]),
      ).finally(() => current && setSearching(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [keyword]);

  return (
    <Select
      showSearch
      className="product-rate-dialog__product"
      placeholder="输入商品名称搜索"
      filterOption={false}
      onSearch={setKeyword}
      loading={searching}
      notFoundContent={searching ? '搜索中…' : '没有找到商品'}
      options={options.map((p) => ({ value: p.id, label: p.onShelf ? p.title : `${p.title}（已下架）` }))}
      onChange={(id: string) => {
        const picked = options.find((p) => p.id === id);
        if (picked) onPick({ productId: picked.id, title: picked.title });
      }}
    />
  );
}
