"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import type { CellStaleness } from "@/lib/domain/notebook/cell-staleness";
import type { NotebookCell, NotebookCellKind } from "@/lib/domain/notebook/notebook-cell";
import { changeCellKind, deleteCell, insertCell, moveCell, neighbourAfterDelete, newCell, updateCell } from "@/lib/domain/notebook/notebook-editing";
import { notebookKeyAction } from "@/lib/domain/notebook/notebook-keys";
import type { NotebookJson } from "@/lib/notebooks/serve-notebooks";
import { defaultChartSpec } from "@/lib/domain/notebook/chart/default-chart-spec";
import { ChartCell } from "./chart-cell";
import { MarkdownCell } from "./markdown-cell";
import { NotebookCellFrame } from "./notebook-cell-frame";
import { exportNotebookHtml, exportNotebookIpynb } from "./notebook-export";
import { clearNotebookOutputs, notebookKeys, notebookQuery, renameNotebook, runNotebookCell } from "./notebook-queries";
import { NotebookViewsReference } from "./notebook-views-reference";
import { SqlCell } from "./sql-cell";
import { useNotebookSaver } from "./use-notebook-saver";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { useResolvedTheme } from "./use-resolved-theme";
import { ViewCell } from "./view-cell";
import styles from "./notebooks.module.css";

/** A notebook in an editor tab. */
export function NotebookEditor({ notebookId }: { notebookId: string; isActive: boolean }) {
  const query = useQuery(notebookQuery(notebookId));
  if (query.isPending) return <p className={styles.status}>Loading notebook…</p>;
  if (query.isError) {
    return (
      <p className={styles.status} role="alert">
        {query.error.message}
      </p>
    );
  }
  return <LoadedNotebook key={notebookId} initial={query.data} />;
}

const isTextTarget = (target: EventTarget | null) =>
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLInputElement && !["button", "checkbox", "radio", "range", "submit", "reset"].includes(target.type)) ||
  (target instanceof HTMLElement && target.isContentEditable);

function sourceOfRun(cells: readonly NotebookCell[], id: string): string | null {
  const cell = cells.find((candidate) => candidate.id === id);
  if (!cell) return null;
  if (cell.kind === "sql" || cell.kind === "view") return cell.id;
  if (cell.kind === "chart") return cell.settings.sourceCellId;
  return null;
}

function LoadedNotebook({ initial }: { initial: NotebookJson }) {
  const notebookId = initial.notebook.id;
  const queryClient = useQueryClient();
  const navigation = useWorkbenchNavigation();
  const theme = useResolvedTheme();
  const [title, setTitle] = useState(initial.notebook.title);
  const [cells, setCells] = useState<NotebookCell[]>(initial.notebook.cells);
  const [staleness, setStaleness] = useState<Record<string, CellStaleness>>(initial.staleness);
  const [selectedId, setSelectedId] = useState<string | null>(initial.notebook.cells[0]?.id ?? null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; edit: boolean; at: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const armedAt = useRef<number | null>(null);
  const cellsRef = useRef(cells);
  useEffect(() => {
    cellsRef.current = cells;
  }, [cells]);

  const saver = useNotebookSaver(notebookId, cells, (answer) => {
    setStaleness(answer.staleness);
    // The Notebooks view shows cell counts and the time of the last change.
    void queryClient.invalidateQueries({ queryKey: notebookKeys.list });
  });

  // Focus follows the selection so that the keyboard keeps acting on the notebook.
  useEffect(() => {
    if (!focusRequest) return;
    const section = root.current?.querySelector<HTMLElement>(`[data-cell-id="${focusRequest.id}"]`);
    if (!section) return;
    const field = focusRequest.edit ? section.querySelector<HTMLElement>("textarea, input, select:not([aria-label='Cell kind'])") : null;
    (field ?? section).focus();
    section.scrollIntoView({ block: "nearest" });
  }, [focusRequest]);

  const select = useCallback((id: string | null, edit = false) => {
    setSelectedId(id);
    if (id) setFocusRequest({ id, edit, at: Date.now() });
  }, []);

  const insert = useCallback(
    (kind: NotebookCellKind, where: "above" | "below" | "end", edit = false) => {
      const cell = newCell(kind, crypto.randomUUID());
      const current = cellsRef.current;
      const index = current.findIndex((candidate) => candidate.id === selectedId);
      const at = where === "end" || index === -1 ? current.length : where === "above" ? index : index + 1;
      setCells(insertCell(current, at, cell));
      if (kind === "markdown" && edit) setEditingId(cell.id);
      if (kind === "view") setEditingId(cell.id);
      select(cell.id, edit);
      return cell;
    },
    [select, selectedId],
  );

  const run = useCallback(
    async (id: string) => {
      const target = sourceOfRun(cellsRef.current, id);
      if (!target) return;
      setProblem(null);
      setRunning((current) => new Set(current).add(target));
      try {
        await saver.flush();
        const answer = await runNotebookCell(notebookId, target);
        setCells((current) => updateCell(current, target, (cell) => ({ ...cell, output: answer.cell.output, provenance: answer.cell.provenance }) as NotebookCell));
        setStaleness(answer.staleness);
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      } finally {
        setRunning((current) => {
          const next = new Set(current);
          next.delete(target);
          return next;
        });
      }
    },
    [notebookId, saver],
  );

  const runMany = useCallback(
    async (ids: readonly string[]) => {
      for (const id of ids) await run(id);
    },
    [run],
  );

  const runnableIds = () => cellsRef.current.filter((cell) => cell.kind === "sql" || cell.kind === "view").map((cell) => cell.id);
  const staleIds = () => {
    const ids = new Set<string>();
    for (const cell of cellsRef.current) {
      if (staleness[cell.id]?.state !== "stale") continue;
      const target = sourceOfRun(cellsRef.current, cell.id);
      if (target) ids.add(target);
    }
    return cellsRef.current.filter((cell) => ids.has(cell.id)).map((cell) => cell.id);
  };

  const runAndAdvance = (id: string) => {
    setEditingId((editing) => (editing === id ? null : editing));
    void run(id);
    const index = cellsRef.current.findIndex((cell) => cell.id === id);
    const next = cellsRef.current[index + 1];
    if (next) select(next.id);
    else {
      const cell = newCell("sql", crypto.randomUUID());
      setCells((current) => insertCell(current, current.length, cell));
      select(cell.id, true);
    }
  };

  const removeCell = (id: string) => {
    const neighbour = neighbourAfterDelete(cellsRef.current, id);
    setCells((current) => deleteCell(current, id));
    select(neighbour);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.nativeEvent.isComposing || !selectedId) return;
    const mode = isTextTarget(event.target) ? "edit" : "command";
    const now = Date.now();
    const action = notebookKeyAction(event, mode, armedAt.current, now);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    armedAt.current = action === "armDelete" ? now : null;
    const id = selectedId;
    const index = cells.findIndex((cell) => cell.id === id);
    switch (action) {
      case "runAndAdvance":
        return runAndAdvance(id);
      case "runInPlace":
        setEditingId((editing) => (editing === id ? null : editing));
        select(id);
        return void run(id);
      case "runAndInsertBelow":
        setEditingId((editing) => (editing === id ? null : editing));
        void run(id);
        insert("sql", "below", true);
        return;
      case "enterEdit":
        if (cells[index]?.kind === "markdown" || cells[index]?.kind === "view") setEditingId(id);
        return select(id, true);
      case "enterCommand":
        setEditingId(null);
        return select(id);
      case "insertAbove":
        insert("sql", "above");
        return;
      case "insertBelow":
        insert("sql", "below");
        return;
      case "deleteCell":
        return removeCell(id);
      case "armDelete":
        return;
      case "toMarkdown":
      case "toSql":
        setCells((current) => changeCellKind(current, id, action === "toMarkdown" ? "markdown" : "sql"));
        return;
      case "selectPrevious":
        return select(cells[Math.max(0, index - 1)]?.id ?? id);
      case "selectNext":
        return select(cells[Math.min(cells.length - 1, index + 1)]?.id ?? id);
      case "moveUp":
      case "moveDown":
        setCells((current) => moveCell(current, id, action === "moveUp" ? -1 : 1));
        return select(id);
    }
  };

  const commitTitle = async () => {
    const trimmed = title.trim();
    if (!trimmed || trimmed === initial.notebook.title) return;
    try {
      await renameNotebook(notebookId, trimmed);
      // Re-opening an open document retitles its tab.
      navigation.openDocument({ kind: "notebook", notebookId }, trimmed);
      await queryClient.invalidateQueries({ queryKey: notebookKeys.list });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const exporting = async (kind: "ipynb" | "html") => {
    setProblem(null);
    try {
      await saver.flush();
      const document = { ...initial.notebook, title: title.trim() || initial.notebook.title, cells: cellsRef.current };
      if (kind === "ipynb") await exportNotebookIpynb(document, root.current!, theme);
      else await exportNotebookHtml(document, root.current!, staleness, theme);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const staleCount = cells.filter((cell) => staleness[cell.id]?.state === "stale").length;

  return (
    <div className={styles.editor} data-testid="notebook-editor" data-notebook-id={notebookId}>
      <div className={styles.toolbar}>
        <input
          className={styles.title}
          aria-label="Notebook title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          onBlur={() => void commitTitle()}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.currentTarget.blur();
          }}
        />
        <span className={styles.saveState} data-testid="notebook-save-state" data-state={saver.state.kind}>
          {saver.state.kind === "saved" ? "Saved" : saver.state.kind === "failed" ? `Not saved: ${saver.state.message}` : "Saving…"}
        </span>
        <span className={styles.toolbarSpacer} />
        <button type="button" className="button" onClick={() => void runMany(runnableIds())} disabled={running.size > 0}>
          Run all
        </button>
        <button type="button" className="button" onClick={() => void runMany(staleIds())} disabled={staleCount === 0 || running.size > 0}>
          Re-run stale cells{staleCount > 0 ? ` (${staleCount})` : ""}
        </button>
        <button
          type="button"
          className="button"
          onClick={async () => {
            await saver.flush();
            const answer = await clearNotebookOutputs(notebookId);
            setCells((current) => current.map((cell) => ({ ...cell, output: null, provenance: null }) as NotebookCell));
            setStaleness(answer.staleness);
          }}
        >
          Clear outputs
        </button>
        <button type="button" className="button" onClick={() => void exporting("ipynb")}>
          Export .ipynb
        </button>
        <button type="button" className="button" onClick={() => void exporting("html")}>
          Export HTML
        </button>
      </div>
      {problem && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
      <div className={styles.document} ref={root} onKeyDown={onKeyDown}>
        <NotebookViewsReference />
        {cells.length === 0 && <p className={styles.placeholder}>An empty notebook. Add a cell below; in a cell, Shift+Enter runs it and moves on.</p>}
        {cells.map((cell, index) => (
          <NotebookCellFrame
            key={cell.id}
            cell={cell}
            index={index}
            selected={cell.id === selectedId}
            running={running.has(cell.id) || (cell.kind === "chart" && cell.settings.sourceCellId !== null && running.has(cell.settings.sourceCellId))}
            staleness={staleness[cell.id]}
            onSelect={() => setSelectedId(cell.id)}
            onRun={() => void run(cell.id)}
            onMove={(delta) => setCells((current) => moveCell(current, cell.id, delta))}
            onDelete={() => removeCell(cell.id)}
            onKind={(kind) => {
              setCells((current) => changeCellKind(current, cell.id, kind));
              if (kind === "view" || kind === "markdown") setEditingId(cell.id);
            }}
          >
            {cell.kind === "markdown" && (
              <MarkdownCell
                source={cell.source}
                editing={editingId === cell.id}
                onEdit={() => {
                  setEditingId(cell.id);
                  select(cell.id, true);
                }}
                onChange={(source) => setCells((current) => updateCell(current, cell.id, (c) => ({ ...c, source })))}
              />
            )}
            {cell.kind === "sql" && (
              <SqlCell
                source={cell.source}
                output={cell.output}
                onChange={(source) => setCells((current) => updateCell(current, cell.id, (c) => ({ ...c, source })))}
                onAddChart={() => {
                  if (cell.output?.kind !== "table") return;
                  const chart = newCell("chart", crypto.randomUUID());
                  const settings = { sourceCellId: cell.id, spec: defaultChartSpec(cell.output.columns) };
                  setCells((current) => insertCell(current, current.findIndex((c) => c.id === cell.id) + 1, { ...chart, settings } as NotebookCell));
                  select(chart.id);
                }}
              />
            )}
            {cell.kind === "chart" && (
              <ChartCell cell={cell} cells={cells} theme={theme} onChange={(settings) => setCells((current) => updateCell(current, cell.id, (c) => ({ ...c, settings }) as NotebookCell))} />
            )}
            {cell.kind === "view" && (
              <ViewCell
                cell={cell}
                editing={editingId === cell.id}
                onEditView={() => setEditingId(cell.id)}
                onChange={(view) => {
                  setCells((current) => updateCell(current, cell.id, (c) => ({ ...c, settings: { view } }) as NotebookCell));
                  setEditingId(null);
                  // A view cell records its provenance when it runs; run it as soon as it has its parameters.
                  setTimeout(() => void run(cell.id), 0);
                }}
              />
            )}
          </NotebookCellFrame>
        ))}
        <div className={styles.addRow} aria-label="Add a cell">
          <button type="button" className="button" onClick={() => insert("markdown", "end", true)}>
            + Markdown
          </button>
          <button type="button" className="button" onClick={() => insert("sql", "end", true)}>
            + SQL
          </button>
          <button type="button" className="button" onClick={() => insert("chart", "end")}>
            + Chart
          </button>
          <button type="button" className="button" onClick={() => insert("view", "end")}>
            + View
          </button>
        </div>
      </div>
    </div>
  );
}
