import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Button, Form, Input, Space, Table, Typography } from 'antd';
import { skuCellKey, type FormErrors, type SkuCell } from './product-form';
import { fillRows, gridSpecs, type SkuRow, type SpecDraft } from './sku-grid';

interface Props {
  specs: readonly SpecDraft[];
  rows: readonly SkuRow[];
  errors: FormErrors;
  /** false for roles that only read the catalog, and while saving */
  editable: boolean;
  onRows: (change: (rows: SkuRow[]) => SkuRow[], touched: SkuCell[]) => void;
  /** opens the stock dialog for a saved row; null where stock cannot be adjusted (a product not saved yet, a read-only role) */
  onAdjustStock: ((row: SkuRow) => void) | null;
}

function Cell({ error, children }: { error: string | undefined; children: ReactNode }) {
  return (
    <Form.Item className="sku-cell" validateStatus={error ? 'error' : undefined} help={error} style={{ margin: 0 }}>
      {children}
    </Form.Item>
  );
}

const emptyFill = { price: '', listPrice: '', stock: '' };

/** One row per spec combination: code, price and list price in 元, and stock (typed for a new SKU, adjusted for a saved one). */
export function SkuGridTable({ specs, rows, errors, editable, onRows, onAdjustStock }: Props) {
  const [fill, setFill] = useState(emptyFill);
  const edit = (key: string, cell: SkuCell, value: string) => onRows((all) => all.map((row) => (row.key === key ? { ...row, [cell]: value } : row)), [cell]);
  const textCell = (cell: SkuCell, placeholder: string) => (value: string, row: SkuRow) => (
    <Cell error={errors[skuCellKey(row.key, cell)]}>
      <Input className={`sku-row__${cell}`} value={value} placeholder={placeholder} disabled={!editable} onChange={(event) => edit(row.key, cell, event.target.value)} />
    </Cell>
  );

  const columns = [
    ...gridSpecs(specs).map((spec, i) => ({
      title: spec.name || `规格 ${i + 1}`,
      key: `spec-${i}`,
      width: 96,
      render: (_: unknown, row: SkuRow) => row.values[i],
    })),
    {
      title: '商家编码',
      dataIndex: 'code',
      key: 'code',
      width: 170,
      render: (code: string, row: SkuRow) =>
        row.id === null ? textCell('code', '如 TEE-RED-S')(code, row) : <Typography.Text className="sku-row__saved-code">{code}</Typography.Text>,
    },
    { title: '售价（元）', dataIndex: 'price', key: 'price', width: 140, render: textCell('price', '0.00') },
    { title: '划线价（元）', dataIndex: 'listPrice', key: 'listPrice', width: 140, render: textCell('listPrice', '不填则同售价') },
    {
      title: '库存',
      dataIndex: 'stock',
      key: 'stock',
      width: 150,
      render: (stock: string, row: SkuRow) =>
        row.id === null ? (
          textCell('stock', '0')(stock, row)
        ) : (
          <Space>
            <span className="sku-row__saved-stock">{stock}</span>
            {onAdjustStock && (
              <Button type="link" size="small" className="sku-row__adjust" onClick={() => onAdjustStock(row)}>
                调整
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <div className="sku-grid">
      {editable && rows.length > 1 && (
        <Space className="sku-grid__fill" wrap>
          <Typography.Text type="secondary">批量设置</Typography.Text>
          <Input className="sku-grid__fill-price" style={{ width: 120 }} placeholder="售价（元）" value={fill.price} onChange={(e) => setFill({ ...fill, price: e.target.value })} />
          <Input className="sku-grid__fill-list-price" style={{ width: 120 }} placeholder="划线价（元）" value={fill.listPrice} onChange={(e) => setFill({ ...fill, listPrice: e.target.value })} />
          <Input className="sku-grid__fill-stock" style={{ width: 120 }} placeholder="库存（新 SKU）" value={fill.stock} onChange={(e) => setFill({ ...fill, stock: e.target.value })} />
          <Button
            className="sku-grid__fill-apply"
            onClick={() => {
              onRows((all) => fillRows(all, fill), ['price', 'listPrice', 'stock']);
              setFill(emptyFill);
            }}
          >
            应用到全部
          </Button>
        </Space>
      )}
      {errors.skus && <Typography.Text type="danger" className="sku-grid__error">{errors.skus}</Typography.Text>}
      <Table<SkuRow>
        className="sku-grid__table"
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={[...rows]}
        onRow={(row) => {
          const attributes: HTMLAttributes<HTMLElement> & { 'data-sku': string } = { 'data-sku': row.values.join('/') || '默认', className: 'sku-row' };
          return attributes;
        }}
      />
    </div>
  );
}
