import { useEffect, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import type { ConsoleProductRow } from '@linli/shared/schemas/catalog-console';
import { errorText } from '../api/api-error';
import { catalogApi } from './catalog-api';

const searchDelayMs = 300;

/** Products matching what staff type, asked of the console's product list a moment after they stop typing. */
function useProductSearch(typed: string) {
  const [found, setFound] = useState<ConsoleProductRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = window.setTimeout(() => {
      catalogApi.searchProducts(typed).then(
        (page) => {
          if (!current) return;
          setFound(page.items);
          setFailure(null);
          setLoading(false);
        },
        (error: unknown) => {
          if (!current) return;
          setFailure(errorText(error));
          setLoading(false);
        },
      );
    }, searchDelayMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [typed]);

  return { found, loading, failure };
}

function ProductOption({ product }: { product: ConsoleProductRow }) {
  return (
    <Space className="product-picker__option" data-product-id={product.id}>
      {product.coverUrl && <img src={product.coverUrl} alt="" width={24} height={24} style={{ objectFit: 'cover', borderRadius: 4 }} />}
      <span>{product.title}</span>
      <Typography.Text type="secondary">
        {formatFen(product.price)} 起 · 库存 {product.totalStock}
        {product.onShelf ? '' : ' · 未上架'}
      </Typography.Text>
    </Space>
  );
}

type PickerProps =
  | { mode: 'single'; value?: string | null; onChange?: (id: string | null) => void }
  | { mode: 'multiple'; value?: string[]; onChange?: (ids: string[]) => void };

/**
 * A product search box for forms (Ant Design Form passes value/onChange). The titles of products
 * picked earlier are kept, so a selection still reads as names after the search moves on.
 */
export function ProductPicker(props: PickerProps & { className?: string; placeholder?: string }) {
  const [typed, setTyped] = useState('');
  const { found, loading, failure } = useProductSearch(typed);
  const [known, setKnown] = useState<Map<string, ConsoleProductRow>>(new Map());

  useEffect(() => {
    setKnown((previous) => {
      const next = new Map(previous);
      for (const product of found) next.set(product.id, product);
      return next;
    });
  }, [found]);

  const picked = props.mode === 'single' ? (props.value ? [props.value] : []) : (props.value ?? []);
  const options = [...found, ...picked.filter((id) => !found.some((p) => p.id === id)).flatMap((id) => known.get(id) ?? [])].map((product) => ({
    value: product.id,
    label: <ProductOption product={product} />,
    title: product.title,
  }));

  return (
    <Select
      className={props.className}
      showSearch
      allowClear
      mode={props.mode === 'multiple' ? 'multiple' : undefined}
      value={props.mode === 'single' ? (props.value ?? undefined) : props.value}
      placeholder={props.placeholder ?? '输入商品名称搜索'}
      filterOption={false}
      onSearch={setTyped}
      onChange={(value: string | string[] | undefined) => {
        if (props.mode === 'single') props.onChange?.(typeof value === 'string' ? value : null);
        else props.onChange?.(Array.isArray(value) ? value : []);
      }}
      loading={loading}
      notFoundContent={failure ?? (loading ? '搜索中…' : '没有找到商品')}
      optionLabelProp={props.mode === 'multiple' ? 'title' : 'label'}
      options={options}
    />
  );
}
