"use client";

import { type RefObject, useCallback, useEffect, useState } from "react";
import { type RowWindow, rowsPerPage, scrollTopToReveal, visibleWindow } from "./virtual-window";

/**
 * A fixed-row-height virtual list over a scrolling element: follows its
 * scroll position and size, and says which rows to render; `reveal` scrolls
 * a row into view (for keyboard focus).
 */
export function useVirtualWindow(
  scroller: RefObject<HTMLElement | null>,
  rowCount: number,
  rowHeight: number,
  overscan = 8,
): { window: RowWindow; reveal: (index: number) => void; pageSize: number } {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = () => setScrollTop(element.scrollTop);
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    element.addEventListener("scroll", onScroll, { passive: true });
    observer.observe(element);
    setViewportHeight(element.clientHeight);
    return () => {
      element.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, [scroller]);

  const reveal = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      const next = scrollTopToReveal(index, element.scrollTop, element.clientHeight, rowHeight);
      if (next !== element.scrollTop) {
        element.scrollTop = next;
        setScrollTop(next);
      }
    },
    [scroller, rowHeight],
  );

  return {
    window: visibleWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }),
    reveal,
    pageSize: rowsPerPage(viewportHeight, rowHeight),
  };
}
