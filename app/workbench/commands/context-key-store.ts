import type { WhenContext } from "./command-registry";

/** Context keys as an external store: views set what is true of them (editorFocus, regionSelected…), `when` conditions read it. */
export class ContextKeyStore {
  private values: WhenContext = {};
  private readonly listeners = new Set<() => void>();

  set(key: string, value: WhenContext[string]): void {
    if (this.values[key] === value) return;
    this.values = { ...this.values, [key]: value };
    for (const listener of this.listeners) listener();
  }

  delete(key: string): void {
    if (!(key in this.values)) return;
    const next = { ...this.values };
    delete next[key];
    this.values = next;
    for (const listener of this.listeners) listener();
  }

  snapshot(): WhenContext {
    return this.values;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
