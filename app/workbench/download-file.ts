/**
 * Saves a file the browser made (a CSV, an SVG or PNG of a plot) through its
 * download, without a round trip to the server.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** A file-name-safe version of a title, e.g. for "UMAP of 2 corpora, per recording" → "UMAP-of-2-corpora-per-recording". */
export function fileNameOf(title: string): string {
  return title.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 100) || "export";
}

/** CSV with a byte-order mark, so spreadsheet programs read it as UTF-8 (names may carry accents). */
export function downloadCsv(name: string, text: string): void {
  downloadBlob(name, new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" }));
}
