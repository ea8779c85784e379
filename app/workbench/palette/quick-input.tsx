"use client";

import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useCommandList, useCommands } from "../commands/commands-provider";
import { formatKeybinding } from "../commands/keybinding";
import { hitDescription, hitMatchText, hitTitle } from "../search/search-hit-text";
import { searchQuery } from "../search/search-queries";
import { useDebouncedValue } from "../search/use-debounced-value";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { fuzzyMatch, type MatchRange } from "./fuzzy-match";
import { HighlightedText } from "./highlighted-text";
import styles from "./palette.module.css";
import { rankCommands } from "./rank-commands";
import { EMPTY_HISTORY } from "./recent-history";
import type { RecentHistoryStore } from "./recent-history-store";

interface Item {
  key: string;
  label: string;
  ranges: readonly MatchRange[];
  description?: string;
  detail?: string | null;
  hint?: string | null;
  accept: (toSide: boolean) => void;
}

const SEARCH_LIMIT = 50;

/**
 * Quick open and the command palette in one box, as in VS Code: text that
 * starts with ">" lists commands (enabled ones, recent first, "Category:
 * Title" with the key), anything else finds recordings by name or patient
 * (recently opened ones while empty). Up/Down choose, Enter runs or opens
 * (Ctrl/Cmd+Enter opens to the side), Escape closes and gives the focus
 * back.
 */
export function QuickInput({
  initialValue,
  returnFocusTo,
  recent,
  onClose,
}: {
  initialValue: string;
  returnFocusTo: Element | null;
  recent: RecentHistoryStore;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [value, setValue] = useState(initialValue);
  const [active, setActive] = useState(0);
  const { registry, contextKeys, output, keymap, isMac } = useCommands();
  const navigation = useWorkbenchNavigation();
  // `when` is judged in the context the palette was opened from (the editor had the focus), not in the palette's own.
  const [context] = useState(() => contextKeys.snapshot());
  const commands = useCommandList();
  const history = useSyncExternalStore(recent.subscribe, recent.snapshot, () => EMPTY_HISTORY);

  const mode = value.startsWith(">") ? "commands" : "recordings";
  const query = (mode === "commands" ? value.slice(1) : value).trim();
  const searchText = useDebouncedValue(mode === "recordings" ? query : "", 150);
  const search = useQuery(searchQuery(searchText, SEARCH_LIMIT));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    const field = input.current;
    if (field) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
  }, []);

  const close = (then?: () => void) => {
    dialog.current?.close();
    onClose();
    if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected) returnFocusTo.focus();
    // Let the focus settle (editors set their context keys on focus) before the command runs.
    if (then) window.requestAnimationFrame(then);
  };

  const keyLabels = useMemo(() => {
    const labels = new Map<string, string>();
    for (const entry of keymap) if (!labels.has(entry.command)) labels.set(entry.command, formatKeybinding(entry.binding, isMac));
    return labels;
  }, [keymap, isMac]);

  const items = listItems();
  function listItems(): Item[] {
    if (mode === "commands") {
      return rankCommands(commands, (commandId) => registry.isEnabled(commandId, context), query, history.commands).map((command) => ({
        key: command.id,
        label: command.label,
        ranges: command.ranges,
        detail: command.recent ? "recently used" : null,
        hint: keyLabels.get(command.id) ?? null,
        accept: () =>
          close(async () => {
            recent.commandRan(command.id);
            try {
              await registry.get(command.id)?.run();
            } catch (error) {
              output.append("error", "commands", `${command.label}: ${error instanceof Error ? error.message : String(error)}`);
            }
          }),
      }));
    }
    const open = (recordingId: string, title: string, toSide: boolean) => close(() => navigation.openRecording(recordingId, title, { group: toSide ? "side" : "active" }));
    if (query === "") {
      return history.recordings.map((recording) => ({
        key: recording.recordingId,
        label: recording.title,
        ranges: [],
        detail: "recently opened",
        accept: (toSide: boolean) => open(recording.recordingId, recording.title, toSide),
      }));
    }
    return (search.data ?? []).map((hit) => {
      const title = hitTitle(hit);
      return {
        key: hit.recordingId,
        label: title,
        ranges: fuzzyMatch(query, title)?.ranges ?? [],
        description: hitDescription(hit),
        detail: hitMatchText(hit),
        accept: (toSide: boolean) => open(hit.recordingId, title, toSide),
      };
    });
  }

  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  useEffect(() => {
    list.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (index: number) => {
      event.preventDefault();
      setActive(Math.max(0, Math.min(items.length - 1, index)));
    };
    switch (event.key) {
      case "ArrowDown":
        return move(activeIndex + 1 >= items.length ? 0 : activeIndex + 1);
      case "ArrowUp":
        return move(activeIndex === 0 ? items.length - 1 : activeIndex - 1);
      case "PageDown":
        return move(activeIndex + 10);
      case "PageUp":
        return move(activeIndex - 10);
      case "Enter": {
        event.preventDefault();
        items[activeIndex]?.accept(event.ctrlKey || event.metaKey);
        return;
      }
      case "Escape":
        event.preventDefault();
        close();
        return;
    }
  };

  const label = mode === "commands" ? "Command palette" : "Go to recording";
  const status =
    mode === "commands" ? (items.length === 0 ? "No matching commands." : null)
    : query === "" ? (items.length === 0 ? "Type a file name, patient or session to find recordings; type > for commands." : null)
    : search.isError ? search.error.message
    : search.isFetching && items.length === 0 ? "Searching…"
    : items.length === 0 && searchText === query ? "No recordings match."
    : null;

  return (
    <dialog
      ref={dialog}
      className={styles.quickInput}
      aria-label={label}
      aria-modal="true"
      data-testid="quick-input"
      data-mode={mode}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => {
        // A click on the backdrop (outside the box) closes, as in VS Code.
        if (event.target === dialog.current) close();
      }}
    >
      <input
        ref={input}
        className={styles.input}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={items[activeIndex] ? `${id}-option-${activeIndex}` : undefined}
        aria-autocomplete="list"
        aria-label={label}
        placeholder={mode === "commands" ? "Type the name of a command to run." : "Search recordings by name or patient (type > for commands)"}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {status && (
        <p className={styles.status} role="status">
          {status}
        </p>
      )}
      <ul ref={list} id={`${id}-list`} role="listbox" aria-label={mode === "commands" ? "Commands" : "Recordings"} className={styles.list}>
        {items.map((item, index) => (
          <li
            key={item.key}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            data-index={index}
            className={styles.option}
            onMouseMove={() => index !== activeIndex && setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={(event) => item.accept(event.ctrlKey || event.metaKey)}
          >
            <span className={styles.optionMain}>
              <span className={styles.optionLabel}>
                <HighlightedText text={item.label} ranges={item.ranges} />
              </span>
              {item.description && <span className={styles.optionDescription}>{item.description}</span>}
            </span>
            {item.detail && <span className={styles.optionDetail}>{item.detail}</span>}
            {item.hint && <kbd className={styles.optionHint}>{item.hint}</kbd>}
          </li>
        ))}
      </ul>
    </dialog>
  );
}
