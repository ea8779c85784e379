"use client";

import { useState } from "react";
import { useRegisterCommands } from "../commands/commands-provider";
import { NewExportDialog } from "./new-export-dialog";

/** "New Export…" from anywhere (the palette, the Exports view), and its dialog. Mounted once by the shell. */
export function ExportWorkbench() {
  const [opened, setOpened] = useState<number | null>(null);
  useRegisterCommands(() => [{ id: "export.new", title: "New Export…", category: "Exports", run: () => setOpened(Date.now()) }], []);
  return opened === null ? null : <NewExportDialog key={opened} onClose={() => setOpened(null)} />;
}
