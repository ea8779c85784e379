"use client";

import type { ReactNode } from "react";
import { useCommandList, useCommands, useKeybindingLabel, useWhenContext } from "../commands/commands-provider";

/** "Toggle Panel (Ctrl+J)": a command's title with its key, for tooltips. */
export function useCommandTooltip(commandId: string): string {
  // Subscribing to the list re-renders the tooltip when the command registers.
  const title = useCommandList().find((candidate) => candidate.id === commandId)?.title ?? commandId;
  const key = useKeybindingLabel(commandId);
  return key ? `${title} (${key})` : title;
}

/**
 * A button that runs a registered command, so clicking it, the palette and
 * the key all do the same thing; the tooltip names the command and its key.
 * Disabled while the command's `when` is false. Without children the
 * command's title is the button's text.
 */
export function CommandButton({
  command,
  children,
  className,
  iconOnly,
  testId,
  beforeRun,
}: {
  command: string;
  children?: ReactNode;
  className?: string;
  /** Icon-only: the command's title names the button (text buttons are named by their text). */
  iconOnly?: boolean;
  testId?: string;
  beforeRun?: () => void;
}) {
  const { registry, run } = useCommands();
  const description = useCommandList().find((candidate) => candidate.id === command);
  const context = useWhenContext();
  const tooltip = useCommandTooltip(command);
  const enabled = description !== undefined && registry.isEnabled(command, context);
  return (
    <button
      type="button"
      className={className ?? "button"}
      title={tooltip}
      aria-label={iconOnly ? (description?.title ?? command) : undefined}
      data-testid={testId}
      disabled={!enabled}
      onClick={() => {
        beforeRun?.();
        void run(command);
      }}
    >
      {children ?? description?.title ?? command}
    </button>
  );
}
