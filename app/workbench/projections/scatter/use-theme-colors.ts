"use client";

import { type RefObject, useEffect, useState } from "react";

/** The workbench theme's colours as #rrggbb, for the WebGL plot and its exports, which cannot read CSS variables. */
export interface ThemeColors {
  background: string;
  foreground: string;
  accent: string;
}

const FALLBACK: ThemeColors = { background: "#ffffff", foreground: "#1f2328", accent: "#0969da" };

/** Follows the theme: re-reads when <html>'s class (the Color Theme commands) or the OS preference changes. */
export function useThemeColors(element: RefObject<HTMLElement | null>): ThemeColors {
  const [colors, setColors] = useState<ThemeColors>(FALLBACK);
  useEffect(() => {
    const read = () => {
      const target = element.current;
      if (!target) return;
      const style = getComputedStyle(target);
      const next = {
        background: toHex(style.getPropertyValue("--editor-bg")) ?? toHex(style.getPropertyValue("--bg")) ?? FALLBACK.background,
        foreground: toHex(style.getPropertyValue("--fg")) ?? FALLBACK.foreground,
        accent: toHex(style.getPropertyValue("--accent")) ?? FALLBACK.accent,
      };
      setColors((previous) => (previous.background === next.background && previous.foreground === next.foreground && previous.accent === next.accent ? previous : next));
    };
    read();
    const observer = new MutationObserver(read);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "style"] });
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", read);
    return () => {
      observer.disconnect();
      media.removeEventListener("change", read);
    };
  }, [element]);
  return colors;
}

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour to #rrggbb through a 2D context's fillStyle (which normalises opaque colours to hex); null when empty or invalid. */
function toHex(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (/^#[0-9a-f]{6}$/i.test(trimmed)) return trimmed.toLowerCase();
  probe ??= document.createElement("canvas").getContext("2d");
  if (!probe) return null;
  probe.fillStyle = "#000001";
  probe.fillStyle = trimmed;
  const normalised = String(probe.fillStyle);
  return /^#[0-9a-f]{6}$/i.test(normalised) && normalised !== "#000001" ? normalised : null;
}
