"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useCommandList, useCommands } from "../commands/commands-provider";
import { KEYMAP } from "../commands/keymap";
import styles from "./palette.module.css";
import { shortcutGroups } from "./shortcut-groups";

/**
 * The keyboard-shortcuts reference (workbench.showShortcuts): every keymap
 * entry with its command's category and title, grouped and filterable,
 * generated from the keymap and the registry.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [filter, setFilter] = useState("");
  const { isMac } = useCommands();
  const commands = useCommandList();
  const groups = shortcutGroups(KEYMAP, commands, isMac, filter);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    element?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`dialog ${styles.shortcuts}`}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      data-testid="shortcuts-dialog"
      onClose={onClose}
    >
      <header className="dialog__header">
        <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </header>
      <input
        // Not type="search": its Escape clears the text instead of closing the dialog.
        type="text"
        className={styles.filter}
        placeholder="Filter by command, category or key"
        aria-label="Filter shortcuts"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        data-autofocus
      />
      <p className={styles.note}>Shortcuts do nothing while a text field has the focus, except those that open the palette. Greyed commands belong to a view that is not open.</p>
      {groups.length === 0 ? (
        <p className={styles.status}>No shortcut matches “{filter}”.</p>
      ) : (
        <div className={styles.shortcutGroups}>
          {groups.map((group) => (
            <table key={group.category} className={styles.shortcutTable} aria-label={`${group.category} shortcuts`}>
              <caption>{group.category}</caption>
              <thead>
                <tr>
                  <th scope="col">Command</th>
                  <th scope="col">Keys</th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.command} data-available={row.available} title={row.command}>
                    <td>
                      {row.title}
                      {!row.available && <span className="visually-hidden"> (not available in the current view)</span>}
                    </td>
                    <td>
                      {row.keys.map((key) => (
                        <kbd key={key}>{key}</kbd>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      )}
    </dialog>
  );
}
