"use client";

import { useRegisterCommands } from "../commands/commands-provider";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";

/** "Manage Workspaces" in the palette: one's workspaces, and their members where one is an admin. */
export function WorkspacesWorkbench() {
  const navigation = useWorkbenchNavigation();
  useRegisterCommands(
    () => [
      {
        id: "workspaces.show",
        title: "Manage Workspaces",
        category: "Administration",
        run: () => navigation.openDocument({ kind: "workspaces" }, "Workspaces"),
      },
    ],
    [navigation],
  );
  return null;
}
