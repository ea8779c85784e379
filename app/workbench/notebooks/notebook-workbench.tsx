"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { bindImportedCells, ipynbToNotebookCells } from "@/lib/domain/notebook/notebook-ipynb-import";
import { useRegisterCommands } from "../commands/commands-provider";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { createNotebook, notebookKeys } from "./notebook-queries";
import styles from "./notebooks.module.css";

/**
 * The notebook commands that work from anywhere (palette, Notebooks view):
 * a new notebook, and importing a .ipynb file. Mounted once by the shell.
 */
export function NotebookWorkbench() {
  const navigation = useWorkbenchNavigation();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const opened = async (answer: Awaited<ReturnType<typeof createNotebook>>) => {
    await queryClient.invalidateQueries({ queryKey: notebookKeys.list });
    navigation.openDocument({ kind: "notebook", notebookId: answer.notebook.id }, answer.notebook.title);
  };

  useRegisterCommands(
    () => [
      {
        id: "notebook.new",
        title: "New Notebook",
        category: "Notebooks",
        run: async () => {
          try {
            await opened(await createNotebook(`Notebook ${new Date().toISOString().slice(0, 16).replace("T", " ")}`));
          } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error));
          }
        },
      },
      { id: "notebook.import", title: "Import Notebook (.ipynb)…", category: "Notebooks", run: () => fileInput.current?.click() },
    ],
    [],
  );

  const importFile = async (file: File) => {
    setProblem(null);
    try {
      const imported = ipynbToNotebookCells(await file.text(), file.name);
      const cells = bindImportedCells(imported.cells, imported.cells.map(() => crypto.randomUUID()));
      await opened(await createNotebook(imported.title, cells));
      if (imported.skipped.length > 0) setProblem(`Imported "${imported.title}". Left out: ${imported.skipped.join("; ")}`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <input
        ref={fileInput}
        type="file"
        accept=".ipynb,application/x-ipynb+json,application/json"
        hidden
        data-testid="notebook-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void importFile(file);
        }}
      />
      {problem && (
        <div className={styles.toast} role="alert" data-testid="notebook-problem">
          {problem}
          <button type="button" className="button" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
