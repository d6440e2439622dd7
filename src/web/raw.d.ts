/** Assets imported as text (`./assets/page.js?raw`): vitest reads them so, and build.mjs does the same for the bundles. */
declare module '*?raw' {
  const text: string;
  export default text;
}
