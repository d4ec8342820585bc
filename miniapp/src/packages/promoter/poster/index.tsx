import { Button, Canvas, Image, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { shareKinds, type ShareKind, type SharePoster } from '@linli/shared/schemas/referrals';
import { errorText } from '../../../api/api-error';
import { mediaUrl } from '../../../api/client';
import { getSharePoster } from '../../../api/promoter';
import { StatusView } from '../../../components/status-view';
import { useShare } from '../../../hooks/use-share';
import { drawPoster, measureWith, type LoadImage, type PosterContext } from '../../../poster/draw';
import { posterLayout, type PosterLayout } from '../../../poster/layout';
import { shopPage } from '../../../components/shop-page';
import { pages } from '../../../routes';
import './index.scss';

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; poster: SharePoster };

const CANVAS_ID = 'poster-canvas';

function kindOf(value: string | undefined): ShareKind {
  return shareKinds.find((kind) => kind === value) ?? 'invite';
}

/** The layout measured with the canvas's own fonts, then the canvas sized for it at the device's pixel ratio. */
function prepare(canvas: { width: number; height: number }, ctx: PosterContext, poster: SharePoster, ratio: number): PosterLayout {
  const layout = posterLayout(poster, measureWith(ctx));
  canvas.width = layout.width * ratio;
  canvas.height = layout.height * ratio;
  ctx.scale(ratio, ratio);
  return layout;
}

function PosterPage() {
  const { params } = useRouter<{ kind?: string; id?: string }>();
  const kind = kindOf(params.kind);
  const share = useShare(kind, params.id || null);
  const [state, setState] = useState<State>({ phase: 'loading' });

  async function load() {
    setState({ phase: 'loading' });
    const shareId = await share('poster');
    if (shareId === null) {
      setState({ phase: 'error', message: '海报生成失败，请稍后重试' });
      return;
    }
    try {
      setState({ phase: 'ready', poster: await getSharePoster(shareId) });
    } catch (error) {
      setState({ phase: 'error', message: errorText(error) });
    }
  }

  useLoad(() => {
    void load();
  });

  if (state.phase === 'loading') return <View className='poster-loading'>海报生成中…</View>;
  if (state.phase === 'error') {
    return <StatusView tone='error' title='海报生成失败' description={state.message} action={{ label: '重新生成', onTap: () => void load() }} />;
  }
  return process.env.TARO_ENV === 'weapp' ? <WeappPoster poster={state.poster} /> : <H5Poster poster={state.poster} />;
}

function WeappPoster({ poster }: { poster: SharePoster }) {
  const [canvas, setCanvas] = useState<Taro.Canvas | null>(null);
  const [height, setHeight] = useState<number | null>(null);

  // Mounted after the poster data arrived, long after the page's onLoad: an effect, not useLoad.
  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${CANVAS_ID}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node: Taro.Canvas } | null>) => {
          const node = res[0]?.node;
          if (!node) return;
          const ctx = node.getContext('2d') as PosterContext;
          const layout = prepare(node, ctx, poster, Taro.getWindowInfo().pixelRatio);
          setHeight(layout.height);
          const loadImage: LoadImage = (url) =>
            new Promise((resolve) => {
              const image = node.createImage();
              image.onload = () => resolve(image as unknown as CanvasImageSource);
              image.onerror = () => resolve(null);
              image.src = mediaUrl(url);
            });
          void drawPoster(ctx, layout, loadImage).then(() => setCanvas(node));
        });
    });
  }, [poster]);

  async function save() {
    if (canvas === null) return;
    try {
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as Taro.canvasToTempFilePath.Option);
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
      void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch (error) {
      const denied = error instanceof Object && 'errMsg' in error && /auth|deny/.test(String(error.errMsg));
      if (!denied) {
        void Taro.showToast({ title: '保存失败，请稍后重试', icon: 'none' });
        return;
      }
      const { confirm } = await Taro.showModal({ title: '需要相册权限', content: '保存海报需要允许「保存到相册」，去设置里打开？', confirmText: '去设置' });
      if (confirm) await Taro.openSetting();
    }
  }

  return (
    <View className='poster-page'>
      <Canvas type='2d' id={CANVAS_ID} className='poster-canvas' style={height === null ? undefined : { height: Taro.pxTransform(height) }} />
      <Button className='poster-save' disabled={canvas === null} onClick={() => void save()}>
        {canvas === null ? '海报生成中…' : '保存到相册'}
      </Button>
      <Text className='poster-tip'>保存海报后分享到朋友圈或发给好友</Text>
    </View>
  );
}

function H5Poster({ poster }: { poster: SharePoster }) {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const [height, setHeight] = useState<number | null>(null);

  function draw(node: HTMLCanvasElement | null) {
    if (node === null || node.dataset.drawn === 'true') return;
    node.dataset.drawn = 'true';
    const ctx = node.getContext('2d');
    if (ctx === null) return;
    const layout = prepare(node, ctx, poster, 2);
    setHeight(layout.height);
    const loadImage: LoadImage = (url) =>
      new Promise((resolve) => {
        const image = new window.Image();
        image.crossOrigin = 'anonymous';
        image.onload = () => resolve(image);
        image.onerror = () => resolve(null);
        image.src = mediaUrl(url);
      });
    void drawPoster(ctx, layout, loadImage).then(() => setDataUrl(node.toDataURL('image/png')));
  }

  const style = height === null ? undefined : { height: Taro.pxTransform(height) };
  return (
    <View className='poster-page'>
      <View className='poster-frame' style={style}>
        <canvas ref={draw} className='poster-canvas' style={style} />
        {/* the drawn poster as an image over the canvas, so a long press offers to save it */}
        {dataUrl !== null && <Image className='poster-image' src={dataUrl} mode='widthFix' />}
      </View>
      {dataUrl === null ? (
        <Text className='poster-save poster-save--pending'>海报生成中…</Text>
      ) : (
        <a className='poster-save' href={dataUrl} download='linli-poster.png'>
          下载海报
        </a>
      )}
      <Text className='poster-tip'>长按海报保存图片，或点击下载</Text>
    </View>
  );
}

export default shopPage(pages.poster, PosterPage);
