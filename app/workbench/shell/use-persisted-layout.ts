"use client";

import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from "react";
import { readStorage, writeStorage } from "./browser-storage";
import { LAYOUT_STORAGE_KEY, parseLayout, serialiseLayout, type WorkbenchLayout } from "./layout-state";

const SAVE_DELAY_MS = 250;

/** The layout, read from storage once and written back shortly after each change (and when the page goes away). */
export function usePersistedLayout(): [WorkbenchLayout, Dispatch<SetStateAction<WorkbenchLayout>>] {
  const [layout, setLayout] = useState(() => parseLayout(readStorage(LAYOUT_STORAGE_KEY)));
  const latest = useRef(layout);

  useEffect(() => {
    latest.current = layout;
    // Dragging a sash changes the layout every frame: write once it settles.
    const timer = window.setTimeout(() => writeStorage(LAYOUT_STORAGE_KEY, serialiseLayout(layout)), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [layout]);

  useEffect(() => {
    const flush = () => writeStorage(LAYOUT_STORAGE_KEY, serialiseLayout(latest.current));
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, []);

  return [layout, setLayout];
}
