"use client";

import { useEffect } from "react";
import type { RegionView } from "@/lib/domain/label-state";
import { useCommands } from "../commands/commands-provider";
import { rangeText } from "./time-format";
import { viewEndSeconds } from "./time-scale";
import type { WaveformController } from "./waveform-controller";

/** How often the status bar's range text may follow a scroll. */
const SELECTION_TEXT_INTERVAL_MS = 150;

/**
 * The context keys of the editor that holds the editor commands:
 * activeEditor = "recording", editorFocus while the focus is inside it, and
 * editorSelection, the status bar's text for the selected region or else
 * the visible range (throttled while scrolling), and activeModel, the name
 * of the model whose curves the editor shows, for the status bar.
 */
export function useEditorContextKeys({
  owns,
  focused,
  controller,
  region,
  activeModel,
}: {
  owns: boolean;
  focused: boolean;
  controller: WaveformController | null;
  region: RegionView | null;
  activeModel: string | null;
}): void {
  const { contextKeys } = useCommands();

  useEffect(() => {
    if (!owns) return;
    contextKeys.set("activeModel", activeModel);
    return () => contextKeys.delete("activeModel");
  }, [contextKeys, owns, activeModel]);

  useEffect(() => {
    if (!owns) return;
    contextKeys.set("activeEditor", "recording");
    return () => {
      contextKeys.delete("activeEditor");
      contextKeys.delete("editorFocus");
      contextKeys.delete("editorSelection");
    };
  }, [contextKeys, owns]);

  useEffect(() => {
    if (owns) contextKeys.set("editorFocus", focused);
  }, [contextKeys, owns, focused]);

  useEffect(() => {
    if (!owns) return;
    if (region) {
      contextKeys.set("editorSelection", rangeText(region.startSeconds, region.endSeconds));
      return;
    }
    if (!controller) {
      contextKeys.set("editorSelection", null);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const write = () => {
      timer = null;
      const view = controller.getView();
      contextKeys.set("editorSelection", view ? rangeText(view.startSeconds, viewEndSeconds(view)) : null);
    };
    const unsubscribe = controller.subscribeView(() => {
      timer ??= setTimeout(write, SELECTION_TEXT_INTERVAL_MS);
    });
    write();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [contextKeys, owns, controller, region]);
}
