/**
 * The participant's page: one HTML file, one script and one stylesheet, served by drill itself
 * (drills run offline: no CDN, no fonts, no framework). The same bytes for every role; what a
 * role sees arrives only through its event stream. Bundled into drill as text.
 */
import html from './assets/page.html?raw';
import script from './assets/page.js?raw';
import style from './assets/page.css?raw';
import icon from './assets/icon.svg?raw';

export interface Asset {
  readonly type: string;
  readonly body: Buffer;
}

const asset = (type: string, text: string): Asset => ({ type, body: Buffer.from(text, 'utf8') });

export const PAGE: Asset = asset('text/html; charset=utf-8', html);

/** Assets by the last segment of their path. */
export const ASSETS: ReadonlyMap<string, Asset> = new Map([
  ['page.js', asset('text/javascript; charset=utf-8', script)],
  ['page.css', asset('text/css; charset=utf-8', style)],
  // Without an icon of its own a browser asks for /favicon.ico, which has no secret: a 403.
  ['icon.svg', asset('image/svg+xml', icon)],
]);
