"use client";

import { useEffect, useState } from "react";
import type { CommandRegistry } from "../commands/command-registry";
import { claimCommands } from "./command-claim";
import { labellingCommands, type LabellingActions, type LabellingTitles } from "./labelling-commands";

/**
 * Registers the label commands while this editor is active; with two
 * editors active at once (the same recording split in two groups) the first
 * holds them and the other takes over when it lets go (command-claim.ts).
 * Not useRegisterCommands: that one throws on the second editor's duplicate ids.
 */
export function useLabelCommands(registry: CommandRegistry, actions: LabellingActions, titles: LabellingTitles, active: boolean): boolean {
  const [owns, setOwns] = useState(false);
  const { undo, redo } = titles;
  useEffect(() => {
    if (!active) return;
    return claimCommands(registry, () => labellingCommands(actions, { undo, redo }), setOwns);
  }, [registry, actions, undo, redo, active]);
  return owns;
}
