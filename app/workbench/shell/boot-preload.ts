import { LAYOUT_STORAGE_KEY } from "./layout-state";

/**
 * Reopening the workbench with a recording open should not wait for React:
 * a small script in <head> reads the saved layout and starts the requests
 * the editor of each group's active tab will make first (its summary,
 * analyses, labels, the base peaks and the model list), while the app's
 * JavaScript is still loading. The app's fetch helpers take a started
 * response once, by URL; anything not preloaded is fetched as usual.
 */

const PRELOAD_GLOBAL = "__resonancePreload";

/** The GET URLs an editor asks for first, exactly as editor-queries, analysis-queries and label-queries build them. */
export function editorOpeningUrls(recordingId: string): string[] {
  const base = `/api/recordings/${encodeURIComponent(recordingId)}`;
  return [base, `${base}/analyses`, `${base}/labels`, `${base}/peaks?pps=1000&format=bin`];
}

/** The recordings in the saved layout's groups' active tabs (what will be mounted first). */
export function activeRecordingIdsOf(savedLayout: unknown): string[] {
  if (typeof savedLayout !== "object" || savedLayout === null) return [];
  const layout = (savedLayout as { layout?: { editors?: { groups?: unknown } } }).layout;
  const groups = layout?.editors?.groups;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((group: unknown) => {
    const id = (group as { activeId?: unknown } | null)?.activeId;
    return typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id) ? [id] : [];
  });
}

/**
 * The inline script. It repeats activeRecordingIdsOf and editorOpeningUrls in
 * plain ES5 (it runs before any bundle); the unit test runs it against
 * those functions so the two cannot drift apart.
 */
export const BOOT_PRELOAD_SCRIPT = `try{(function(){var raw=localStorage.getItem(${JSON.stringify(LAYOUT_STORAGE_KEY)});if(!raw)return;var saved=JSON.parse(raw);var groups=saved&&saved.layout&&saved.layout.editors&&saved.layout.editors.groups;if(!Array.isArray(groups))return;var urls=[];for(var i=0;i<groups.length;i++){var id=groups[i]&&groups[i].activeId;if(typeof id!=="string"||!/^[0-9a-f-]{36}$/i.test(id))continue;var base="/api/recordings/"+encodeURIComponent(id);urls.push(base,base+"/analyses",base+"/labels",base+"/peaks?pps=1000&format=bin")}if(urls.length===0)return;urls.push("/api/models");var started={};for(var j=0;j<urls.length;j++){started[urls[j]]=fetch(urls[j],{cache:"no-store"})}window.${PRELOAD_GLOBAL}=started})()}catch(e){}`;

type PreloadTable = Record<string, Promise<Response> | undefined>;

/** Past this long after the page started, a preload is too old to stand for a fresh answer (labels change). */
const PRELOAD_FRESH_MS = 15_000;

/** The response the boot script started for this URL, handed out once (a second caller fetches anew). */
export function takePreloadedResponse(url: string): Promise<Response> | undefined {
  if (typeof window === "undefined") return undefined;
  const globals = window as unknown as Record<string, PreloadTable | undefined>;
  const table = globals[PRELOAD_GLOBAL];
  if (table && performance.now() > PRELOAD_FRESH_MS) {
    delete globals[PRELOAD_GLOBAL];
    return undefined;
  }
  const response = table?.[url];
  if (!table || !response) return undefined;
  delete table[url];
  // A failed preload (offline, server restarting) falls back to a fresh request.
  return response.catch(() => fetch(url, { cache: "no-store" }));
}
