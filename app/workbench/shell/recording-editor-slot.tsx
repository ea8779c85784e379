"use client";

import { RecordingEditor, type RecordingEditorProps } from "../editor/recording-editor";

/** What an editor tab shows: the recording editor (the one place the shell names it). */
export function RecordingEditorSlot(props: RecordingEditorProps) {
  return <RecordingEditor {...props} />;
}
