import { categoryPage, searchPage } from '../../routes';
import { routeParam } from './route-param';

const queryValue = (url: string, key: string) => new RegExp(`[?&]${key}=([^&]*)`).exec(url)?.[1];

describe('a route parameter', () => {
  it('comes back as it was put into the route', () => {
    expect(routeParam(queryValue(categoryPage('c1', '生鲜水果'), 'name'))).toBe('生鲜水果');
    expect(routeParam(queryValue(searchPage('草莓 & 蓝莓'), 'q'))).toBe('草莓 & 蓝莓');
  });

  it('is used as it is when it is not percent-encoded', () => {
    expect(routeParam('100%纯棉')).toBe('100%纯棉');
    expect(routeParam('草莓')).toBe('草莓');
  });

  it('is empty when missing', () => {
    expect(routeParam(undefined)).toBe('');
  });
});
