/**
 * The notebook's keyboard, after Jupyter and VS Code: in command mode (a cell
 * selected, no text focus) single keys act on cells; in edit mode only the
 * run keys and Escape do. D must be pressed twice within DOUBLE_PRESS_MS to
 * delete, so a stray D never removes a cell.
 */

export type NotebookMode = "command" | "edit";

export type NotebookKeyAction =
  | "runAndAdvance"
  | "runInPlace"
  | "runAndInsertBelow"
  | "enterEdit"
  | "enterCommand"
  | "insertAbove"
  | "insertBelow"
  | "deleteCell"
  | "armDelete"
  | "toMarkdown"
  | "toSql"
  | "selectPrevious"
  | "selectNext"
  | "moveUp"
  | "moveDown";

export interface NotebookKeyEvent {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export const DOUBLE_PRESS_MS = 800;

/** What a key does, or null when the notebook leaves it to the browser and the workbench. `armedAt` is when D was last pressed alone. */
export function notebookKeyAction(event: NotebookKeyEvent, mode: NotebookMode, armedAt: number | null, now: number): NotebookKeyAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === "Enter") {
    if (event.shiftKey && !mod && !event.altKey) return "runAndAdvance";
    if (mod && !event.shiftKey && !event.altKey) return "runInPlace";
    if (event.altKey && !mod && !event.shiftKey) return "runAndInsertBelow";
  }
  if (mode === "edit") return event.key === "Escape" && !mod && !event.altKey && !event.shiftKey ? "enterCommand" : null;

  if (event.altKey && !mod && !event.shiftKey) {
    if (event.key === "ArrowUp") return "moveUp";
    if (event.key === "ArrowDown") return "moveDown";
    return null;
  }
  if (mod || event.altKey) return null;
  if (event.key === "Enter" && !event.shiftKey) return "enterEdit";
  if (event.key === "ArrowUp" || (event.key === "k" && !event.shiftKey)) return "selectPrevious";
  if (event.key === "ArrowDown" || (event.key === "j" && !event.shiftKey)) return "selectNext";
  if (event.shiftKey) return null;
  switch (event.key.toLowerCase()) {
    case "a":
      return "insertAbove";
    case "b":
      return "insertBelow";
    case "m":
      return "toMarkdown";
    case "y":
      return "toSql";
    case "d":
      return armedAt !== null && now - armedAt <= DOUBLE_PRESS_MS ? "deleteCell" : "armDelete";
    default:
      return null;
  }
}
