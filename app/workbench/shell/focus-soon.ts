/**
 * Moves the keyboard focus to an element that a state change is about to
 * render (a view being shown, an editor being opened): tries on the next few
 * animation frames until `find` returns it. If only `fallback` exists when
 * the tries run out (an editor still loading its own focus target), that one
 * gets the focus.
 */
export function focusSoon(find: () => HTMLElement | null, options: { attempts?: number; fallback?: () => HTMLElement | null } = {}): void {
  if (typeof window === "undefined") return;
  const attempt = (left: number) => {
    const element = find() ?? (left === 0 ? (options.fallback?.() ?? null) : null);
    if (element) {
      element.focus();
      return;
    }
    if (left > 0) window.requestAnimationFrame(() => attempt(left - 1));
  };
  window.requestAnimationFrame(() => attempt(options.attempts ?? 10));
}

export function bySelector(selector: string): () => HTMLElement | null {
  return () => document.querySelector<HTMLElement>(selector);
}
