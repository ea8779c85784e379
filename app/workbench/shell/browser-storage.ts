/**
 * localStorage behind two calls that never throw: private windows, blocked
 * storage and full quotas must not break the workbench, only its memory.
 */

export function readStorage(key: string): string | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage full or blocked: the layout simply is not remembered.
  }
}
