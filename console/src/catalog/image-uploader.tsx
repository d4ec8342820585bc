import { useState } from 'react';
import { Upload, type UploadFile } from 'antd';
import type { UploadedImage } from '@linli/shared/schemas/catalog-console';
import { errorText } from '../api/api-error';
import { catalogApi } from './catalog-api';
import { limits } from './product-form';

interface Props {
  images: readonly string[];
  disabled: boolean;
  onChange: (change: (images: string[]) => string[]) => void;
  /** a refused upload (too large, not an image…), in the BFF's words; null once a later one succeeds */
  onError: (text: string | null) => void;
}

function fileOf(url: string): UploadFile {
  return { uid: url, name: url.split('/').pop() ?? url, status: 'done', url };
}

/**
 * The product's pictures, uploaded one by one through POST /api/console/images. The first is the
 * cover; any other can be made the cover, and any can be removed. A picture counts once the BFF has
 * answered with its URL.
 */
export function ImageUploader({ images, disabled, onChange, onError }: Props) {
  const [uploading, setUploading] = useState<UploadFile[]>([]);

  return (
    <Upload
      className="image-uploader"
      listType="picture-card"
      accept="image/png,image/jpeg,image/webp"
      multiple
      disabled={disabled}
      fileList={[...images.map(fileOf), ...uploading]}
      showUploadList={{ showPreviewIcon: false, showRemoveIcon: !disabled }}
      customRequest={({ file, onSuccess, onError: failed }) => {
        catalogApi.uploadImage(file as Blob).then(
          (uploaded) => onSuccess?.(uploaded),
          (error: unknown) => failed?.(error instanceof Error ? error : new Error(String(error))),
        );
      }}
      onChange={({ file }) => {
        if (file.status === 'uploading') {
          setUploading((list) => [...list.filter((f) => f.uid !== file.uid), file]);
          return;
        }
        setUploading((list) => list.filter((f) => f.uid !== file.uid));
        if (file.status === 'done') {
          const { url } = file.response as UploadedImage;
          onError(null);
          // The store names a picture by its bytes: the same picture twice is one image.
          onChange((list) => (list.includes(url) ? list : [...list, url]));
        } else if (file.status === 'error') {
          onError(`图片「${file.name}」上传失败：${errorText(file.error)}`);
        } else if (file.status === 'removed') {
          onChange((list) => list.filter((url) => url !== file.uid));
        }
      }}
      itemRender={(node, file) => {
        const at = images.indexOf(file.uid);
        if (at === -1) return node;
        return (
          <div className="image-uploader__item">
            {node}
            {at === 0 ? (
              <span className="image-uploader__badge image-uploader__badge--cover">封面</span>
            ) : (
              !disabled && (
                <button
                  type="button"
                  className="image-uploader__badge image-uploader__make-cover"
                  onClick={() => onChange((list) => [file.uid, ...list.filter((url) => url !== file.uid)])}
                >
                  设为封面
                </button>
              )
            )}
          </div>
        );
      }}
    >
      {!disabled && images.length + uploading.length < limits.images && (
        <div className="image-uploader__add">
          <div className="image-uploader__plus">+</div>
          <div>上传图片</div>
        </div>
      )}
    </Upload>
  );
}
