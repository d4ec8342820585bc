import type { ComponentType } from 'react';
import { usePageView } from '../../analytics/use-page-view';
import { PrivacyNotice } from '../privacy-notice';

/**
 * Every page of the shop: reports its page_view, and carries the privacy notice so that a sign-in
 * started from any state of the page (loading, error, content) has somewhere to ask. `path` is the
 * page's path from routes.ts.
 */
export function shopPage(path: string, Page: ComponentType): ComponentType {
  function ShopPage() {
    usePageView(path);
    return (
      <>
        <Page />
        <PrivacyNotice />
      </>
    );
  }
  return ShopPage;
}
