"use client";

import { CommandsProvider } from "./commands/commands-provider";
import { useIsClient } from "./shell/use-is-client";
import { WorkbenchFrame } from "./shell/workbench-frame";

/**
 * The workbench page: the command registry and keybindings around the
 * VS Code-style frame. The frame renders in the browser only, because its
 * layout and open tabs come from localStorage; the server sends a blank
 * workbench-coloured page instead of a layout that would jump on load.
 */
export function WorkbenchShell() {
  const isClient = useIsClient();
  return <CommandsProvider>{isClient ? <WorkbenchFrame /> : <div className="workbench-loading" aria-busy="true" />}</CommandsProvider>;
}
