"use client";

import { createContext, useContext } from "react";
import type { EditorDocument } from "./editor-groups";

/**
 * How features ask the shell to open things, without importing the shell:
 * the explorer, search, quick open, "next recording that needs attention" and
 * the segment list all open recordings through this.
 */
export interface OpenRecordingOptions {
  /** Which editor group: the focused one (default) or a new group to the right. */
  group?: "active" | "side";
  /** Seek to this time once the editor is ready. */
  atSeconds?: number;
  /** Move the keyboard focus into the editor (default true). */
  focus?: boolean;
}

export interface WorkbenchNavigation {
  openRecording: (recordingId: string, title: string, options?: OpenRecordingOptions) => void;
  /** Opens a projection, a cohort comparison or a patient's trajectory in an editor tab (one tab per document). */
  openDocument: (document: EditorDocument, title: string, options?: Pick<OpenRecordingOptions, "group">) => void;
  /** The recording in the focused editor, if any. */
  activeRecordingId: string | null;
}

export const WorkbenchNavigationContext = createContext<WorkbenchNavigation | null>(null);

export function useWorkbenchNavigation(): WorkbenchNavigation {
  const value = useContext(WorkbenchNavigationContext);
  if (!value) throw new Error("useWorkbenchNavigation needs the workbench shell above it");
  return value;
}
