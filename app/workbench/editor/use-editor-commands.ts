"use client";

import { useEffect, useState } from "react";
import type { CommandDescription } from "../commands/command-registry";
import { useCommands } from "../commands/commands-provider";
import { claimCommands } from "../labelling/command-claim";

/**
 * Registers the editor's commands while this editor is the focused one.
 * Command ids are unique and two recording editors can be mounted at once
 * (a split), so the first claims them and another takes over when they are
 * released, as the labelling commands do. Returns whether this editor holds
 * them (and so sets the editor's context keys).
 */
export function useEditorCommands(build: () => readonly CommandDescription[], deps: readonly unknown[], active: boolean): boolean {
  const { registry } = useCommands();
  const [owns, setOwns] = useState(false);
  useEffect(
    () => (active ? claimCommands(registry, build, setOwns) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what `build` closes over
    [registry, active, ...deps],
  );
  return owns;
}
