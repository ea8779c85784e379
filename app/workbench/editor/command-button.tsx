"use client";

import type { ReactNode } from "react";
import { useCommands, useKeybindingLabel } from "../commands/commands-provider";
import styles from "./editor.module.css";

/**
 * A toolbar button that runs a registered command, so the button, the
 * palette and the key do the same thing; its tooltip names the key.
 */
export function CommandButton({
  command,
  label,
  children,
  pressed,
  disabled,
  testId,
}: {
  command: string;
  label: string;
  children: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  testId?: string;
}) {
  const { run } = useCommands();
  const key = useKeybindingLabel(command);
  return (
    <button
      type="button"
      className={styles.toolButton}
      title={key ? `${label} (${key})` : label}
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      data-testid={testId}
      data-command={command}
      onClick={() => void run(command)}
    >
      {children}
    </button>
  );
}
