import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { ConsoleCategory } from '@linli/shared/schemas/catalog-console';
import { errorText } from '../api/api-error';
import { catalogApi } from './catalog-api';

/** The shop's categories to pick several of (Ant Design Form passes value/onChange). */
export function CategoryPicker({ value, onChange, className }: { value?: string[]; onChange?: (ids: string[]) => void; className?: string }) {
  const [categories, setCategories] = useState<ConsoleCategory[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    catalogApi.categories().then(
      (list) => {
        if (!current) return;
        setCategories(list.items);
        setLoading(false);
      },
      (error: unknown) => {
        if (!current) return;
        setFailure(errorText(error));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <Select
      className={className}
      mode="multiple"
      allowClear
      value={value}
      onChange={(ids: string[]) => onChange?.(ids)}
      loading={loading}
      placeholder="选择类目"
      optionFilterProp="label"
      notFoundContent={failure ?? '没有类目'}
      options={categories.map((c) => ({ value: c.id, label: `${c.name}（${c.productCount} 件商品）` }))}
    />
  );
}
