"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotebookListing } from "@/lib/domain/notebook/notebook-cell";
import { CommandButton } from "../shell/command-button";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { duplicateNotebook, notebookKeys, notebookListQuery, renameNotebook, restoreNotebook, trashNotebook } from "./notebook-queries";
import styles from "./notebooks.module.css";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The Notebooks view of the side bar: open notebooks newest first, and the trash, whose notebooks can be restored for 30 days. */
export function NotebooksView() {
  const navigation = useWorkbenchNavigation();
  const queryClient = useQueryClient();
  const notebooks = useQuery(notebookListQuery());
  const refresh = () => queryClient.invalidateQueries({ queryKey: notebookKeys.all });
  const change = useMutation({
    mutationFn: async (action: { kind: "rename" | "duplicate" | "trash" | "restore"; notebook: NotebookListing; title?: string }) => {
      switch (action.kind) {
        case "rename":
          return renameNotebook(action.notebook.id, action.title!);
        case "duplicate": {
          const copy = await duplicateNotebook(action.notebook.id);
          navigation.openDocument({ kind: "notebook", notebookId: copy.notebook.id }, copy.notebook.title);
          return copy;
        }
        case "trash":
          return trashNotebook(action.notebook.id);
        case "restore":
          return restoreNotebook(action.notebook.id);
      }
    },
    onSettled: refresh,
  });
  const open = notebooks.data?.filter((notebook) => notebook.deletedAt === null) ?? [];
  const trash = notebooks.data?.filter((notebook) => notebook.deletedAt !== null) ?? [];

  return (
    <div className={styles.sideView} data-testid="notebooks-view">
      <div className={styles.actions}>
        <CommandButton command="notebook.new" className="button button--primary" />
        <CommandButton command="notebook.import" className="button" />
      </div>
      {notebooks.isPending && <p className={styles.empty}>Loading…</p>}
      {notebooks.isError && <p className="form-error">{notebooks.error.message}</p>}
      {change.error && <p className="form-error">{change.error.message}</p>}
      {notebooks.data && open.length === 0 && (
        <p className={styles.empty} data-testid="view-empty-state">
          No notebooks yet. A notebook keeps notes, SQL over the corpus, charts and live views of recordings, projections and cohorts in one document.
        </p>
      )}
      <ul className={styles.list} aria-label="Notebooks">
        {open.map((notebook) => (
          <li key={notebook.id} className={styles.item} data-testid="notebook-item">
            <button
              type="button"
              className={styles.open}
              title={notebook.title}
              onClick={() => navigation.openDocument({ kind: "notebook", notebookId: notebook.id }, notebook.title)}
            >
              <span className={styles.name}>{notebook.title}</span>
              <span className={styles.meta}>
                {notebook.cellCount} {notebook.cellCount === 1 ? "cell" : "cells"} · {when(notebook.updatedAt)}
              </span>
            </button>
            <button
              type="button"
              className={styles.itemAction}
              aria-label={`Rename ${notebook.title}`}
              title="Rename"
              onClick={() => {
                const title = window.prompt("Rename notebook", notebook.title)?.trim();
                if (title && title !== notebook.title) change.mutate({ kind: "rename", notebook, title });
              }}
            >
              ✎
            </button>
            <button type="button" className={styles.itemAction} aria-label={`Duplicate ${notebook.title}`} title="Duplicate" onClick={() => change.mutate({ kind: "duplicate", notebook })}>
              ❐
            </button>
            <button type="button" className={styles.itemAction} aria-label={`Delete ${notebook.title}`} title="Move to the trash" onClick={() => change.mutate({ kind: "trash", notebook })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {trash.length > 0 && (
        <details className={styles.trash}>
          <summary>Trash ({trash.length})</summary>
          <p className={styles.meta}>Deleted notebooks stay here for 30 days.</p>
          <ul className={styles.list} aria-label="Deleted notebooks">
            {trash.map((notebook) => (
              <li key={notebook.id} className={styles.item} data-testid="notebook-trash-item">
                <span className={styles.trashName}>
                  <span className={styles.name}>{notebook.title}</span>
                  <span className={styles.meta}>deleted {when(notebook.deletedAt!)}</span>
                </span>
                <button type="button" className="button" onClick={() => change.mutate({ kind: "restore", notebook })}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
