"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server renders and during hydration, true after: the
 * workbench's layout lives in localStorage, so it renders on the client only
 * rather than rendering defaults on the server and jumping after load.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
