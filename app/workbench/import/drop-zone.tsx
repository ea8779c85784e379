"use client";

import { type ChangeEvent, type DragEvent, useState } from "react";
import { collectDroppedFiles } from "./dropped-files";
import { pickedFromInput, type PickedFile } from "./picked-files";

/** Drag-and-drop area for files and whole folders, with file and folder pickers for the keyboard. */
export function DropZone({ onFiles, disabled = false }: { onFiles: (files: PickedFile[]) => void; disabled?: boolean }) {
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (disabled) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    void collectDroppedFiles(event.dataTransfer).then(onFiles);
  };
  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    onFiles(pickedFromInput(event.target.files ?? []));
    // Picking the same files again must fire change again.
    event.target.value = "";
  };

  return (
    <div
      className="drop-zone"
      data-dragging={dragging}
      role="group"
      aria-label="Files to upload"
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>Drop audio files or folders here, or</p>
      <div className="drop-zone__pickers">
        <label className="button">
          Choose files…
          <input className="visually-hidden" type="file" multiple disabled={disabled} onChange={onPicked} data-autofocus />
        </label>
        <label className="button">
          Choose a folder…
          {/* webkitdirectory is not in React's attribute types; every current browser supports it. */}
          <input
            className="visually-hidden"
            type="file"
            disabled={disabled}
            onChange={onPicked}
            ref={(input) => input?.setAttribute("webkitdirectory", "")}
          />
        </label>
      </div>
    </div>
  );
}
