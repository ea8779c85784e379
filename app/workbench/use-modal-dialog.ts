"use client";

import { type RefObject, useEffect, useRef } from "react";

/**
 * A native <dialog> opened modally when it mounts, with the focus on its
 * element marked data-autofocus; the dialogs that define imports, projections
 * and exports all open this way.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    element.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);
  return dialog;
}

/** Picks the first of a list once it has loaded, unless something is chosen already (the model with the most results). */
export function useDefaultChoice(chosen: string, first: string | undefined, choose: (value: string) => void): void {
  useEffect(() => {
    if (!chosen && first) choose(first);
  }, [chosen, first, choose]);
}
