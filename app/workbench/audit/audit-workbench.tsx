"use client";

import { useRegisterCommands } from "../commands/commands-provider";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";

/** "Show Audit Log" in the palette, from anywhere; the server decides who may read it (site administrators). */
export function AuditWorkbench() {
  const navigation = useWorkbenchNavigation();
  useRegisterCommands(
    () => [
      {
        id: "audit.show",
        title: "Show Audit Log",
        category: "Administration",
        run: () => navigation.openDocument({ kind: "audit" }, "Audit log"),
      },
    ],
    [navigation],
  );
  return null;
}
