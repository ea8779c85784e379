"use client";

import { useSyncExternalStore } from "react";
import { useTheme } from "../shell/use-theme";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/** The theme charts are drawn in: the chosen one, or the system's when the workbench follows it. */
export function useResolvedTheme(): "light" | "dark" {
  const [preference] = useTheme();
  const systemDark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(DARK_QUERY).matches,
    () => false,
  );
  if (preference === "system") return systemDark ? "dark" : "light";
  return preference;
}
