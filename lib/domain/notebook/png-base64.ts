const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The base64 of a PNG captured in the browser, checked before it goes into a
 * data: URL or an .ipynb output. A stray `data:image/png;base64,` prefix and
 * line breaks are tolerated; anything else that is not base64 is a bug in the
 * capture and is refused, because it would end up inside an HTML attribute.
 */
export function pngBase64(value: string, cellId: string): string {
  const bare = value.replace(/^data:image\/png;base64,/, "").replace(/\s+/g, "");
  if (bare.length === 0 || bare.length % 4 !== 0 || !BASE64.test(bare)) {
    throw new TypeError(`the image captured for cell ${cellId} is not base64-encoded PNG data`);
  }
  return bare;
}
