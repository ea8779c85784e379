"use client";

import type { ReactNode } from "react";
import { useCommandList, useCommands, useKeybindingLabel, useWhenContext } from "../commands/commands-provider";

/**
 * A sidebar button that runs a registered label command, so a click, the
 * palette and the key do the same thing. Unlike the shell's CommandButton it
 * takes a title for what the command does here ("Label region 0:12.30–0:15.00
 * as sad") and a pressed state; the tooltip adds the key from the keymap.
 * Disabled while the command is not registered (another editor holds the
 * label keys) or its `when` is false.
 */
export function LabelCommandButton({
  command,
  title,
  children,
  className,
  disabled,
  pressed,
  testId,
  extra,
}: {
  command: string;
  title: string;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  pressed?: boolean;
  testId?: string;
  extra?: Record<`data-${string}`, string>;
}) {
  const { registry, run } = useCommands();
  // Subscribed so the button enables itself when the commands register.
  useCommandList();
  const enabled = registry.isEnabled(command, useWhenContext());
  const key = useKeybindingLabel(command);
  return (
    <button
      type="button"
      className={className}
      title={key ? `${title} (${key})` : title}
      aria-pressed={pressed}
      disabled={disabled || !enabled}
      data-testid={testId}
      {...extra}
      onClick={() => void run(command)}
    >
      {children}
    </button>
  );
}
