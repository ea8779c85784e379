"use client";

import { useState } from "react";
import { useRegisterCommands } from "../commands/commands-provider";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { NewProjectionDialog, type NewProjectionPreset } from "./new-projection-dialog";

/**
 * The projection commands that must work from anywhere (the palette, the
 * Projections view, an editor's selection), and the dialog they open.
 * Mounted once by the shell.
 */
export function ProjectionWorkbench() {
  const navigation = useWorkbenchNavigation();
  const [dialog, setDialog] = useState<{ preset?: NewProjectionPreset; opened: number } | null>(null);

  useRegisterCommands(
    () => [
      { id: "projection.new", title: "New Projection…", category: "Projections", run: () => setDialog({ opened: Date.now() }) },
    ],
    [],
  );

  return dialog ? (
    <NewProjectionDialog
      key={dialog.opened}
      preset={dialog.preset}
      onClose={() => setDialog(null)}
      onCreated={(projectionId, name) => navigation.openDocument({ kind: "projection", projectionId }, name)}
    />
  ) : null;
}
