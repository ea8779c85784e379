"use client";

import { type KeyboardEvent, type MouseEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { MenuId } from "../commands/command-registry";
import { useCommands, useKeybindingLabel } from "../commands/commands-provider";
import styles from "./shell.module.css";

/**
 * A context menu built from the command registry: the commands that placed
 * themselves in `menu` and apply now, grouped, with their keys. Opened with
 * a right click, the context-menu key or Shift+F10, as desktop apps do; the
 * arrow keys move, Enter runs, Escape closes and gives the focus back.
 */
export function useContextMenu(menu: MenuId): {
  onContextMenu: (event: MouseEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  element: ReactNode;
} {
  const [at, setAt] = useState<{ x: number; y: number; returnTo: HTMLElement | null } | null>(null);
  const open = useCallback((x: number, y: number) => {
    setAt({ x, y, returnTo: document.activeElement instanceof HTMLElement ? document.activeElement : null });
  }, []);
  const onContextMenu = useCallback(
    (event: MouseEvent) => {
      event.preventDefault();
      // A button pressed from the keyboard reports no pointer position: open under the element instead.
      if (event.clientX === 0 && event.clientY === 0) {
        const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
        open(box.left, box.bottom);
      } else open(event.clientX, event.clientY);
    },
    [open],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== "ContextMenu" && !(event.key === "F10" && event.shiftKey)) return;
      event.preventDefault();
      const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
      open(box.left + 16, box.top + 16);
    },
    [open],
  );
  const close = useCallback(() => {
    setAt((current) => {
      current?.returnTo?.focus();
      return null;
    });
  }, []);
  const element = at ? <CommandMenu menu={menu} x={at.x} y={at.y} onClose={close} /> : null;
  return { onContextMenu, onKeyDown, element };
}

function CommandMenu({ menu, x, y, onClose }: { menu: MenuId; x: number; y: number; onClose: () => void }) {
  const { registry, contextKeys, run } = useCommands();
  // The context at the moment the menu opened: focus moving into the menu must not hide editor commands.
  const [entries] = useState(() => registry.menu(menu, contextKeys.snapshot()));
  const list = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    list.current?.focus();
    const away = (event: PointerEvent) => {
      if (!list.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", away, true);
    return () => window.removeEventListener("pointerdown", away, true);
  }, [onClose]);

  const choose = (index: number) => {
    const entry = entries[index];
    if (!entry) return;
    onClose();
    // After the focus has gone back, so the command acts where the menu was opened.
    requestAnimationFrame(() => void run(entry.command.id));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      onClose();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (index + step + entries.length) % Math.max(1, entries.length));
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      setActive(event.key === "Home" ? 0 : entries.length - 1);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(active);
    }
  };

  return (
    <div
      ref={list}
      role="menu"
      aria-label="Actions"
      tabIndex={-1}
      className={styles.contextMenu}
      style={{ left: Math.min(x, window.innerWidth - 260), top: Math.min(y, window.innerHeight - 32 * Math.max(1, entries.length) - 16) }}
      onKeyDown={onKeyDown}
      aria-activedescendant={entries[active] ? `context-menu-${entries[active].command.id}` : undefined}
      data-testid="context-menu"
    >
      {entries.length === 0 && <div className={styles.contextMenuEmpty}>No actions here</div>}
      {entries.map((entry, index) => (
        <MenuItem
          key={entry.command.id}
          id={`context-menu-${entry.command.id}`}
          title={entry.command.title}
          commandId={entry.command.id}
          separated={index > 0 && entries[index - 1]!.group !== entry.group}
          active={index === active}
          onHover={() => setActive(index)}
          onChoose={() => choose(index)}
        />
      ))}
    </div>
  );
}

function MenuItem(props: { id: string; title: string; commandId: string; separated: boolean; active: boolean; onHover: () => void; onChoose: () => void }) {
  const key = useKeybindingLabel(props.commandId);
  return (
    <>
      {props.separated && <div role="separator" className={styles.contextMenuSeparator} />}
      <div
        id={props.id}
        role="menuitem"
        className={`${styles.contextMenuItem} ${props.active ? styles.contextMenuItemActive : ""}`}
        onMouseEnter={props.onHover}
        onClick={props.onChoose}
        data-command={props.commandId}
      >
        <span>{props.title}</span>
        {key && <kbd className={styles.contextMenuKey}>{key}</kbd>}
      </div>
    </>
  );
}
