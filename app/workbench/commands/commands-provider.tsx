"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { OutputLog } from "../output/output-log";
import { type CommandDescription, CommandRegistry, type WhenContext } from "./command-registry";
import { ContextKeyStore } from "./context-key-store";
import { formatKeybinding, keybindingMatches } from "./keybinding";
import { KEYMAP, type ResolvedKeybinding, resolveKeymap } from "./keymap";

interface CommandsValue {
  registry: CommandRegistry;
  contextKeys: ContextKeyStore;
  output: OutputLog;
  keymap: readonly ResolvedKeybinding[];
  isMac: boolean;
  /** Runs a command in the current context; failures go to the Output log rather than being lost in a key handler. */
  run: (id: string) => Promise<boolean>;
}

const CommandsContext = createContext<CommandsValue | null>(null);

function detectMac(): boolean {
  if (typeof navigator === "undefined") return false;
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export function CommandsProvider({ children }: { children: ReactNode }) {
  const [isMac] = useState(detectMac);
  const value = useMemo<CommandsValue>(() => {
    const registry = new CommandRegistry();
    const contextKeys = new ContextKeyStore();
    const output = new OutputLog();
    const run = async (id: string) => {
      try {
        return await registry.execute(id, contextKeys.snapshot());
      } catch (error) {
        output.append("error", "commands", `${registry.get(id)?.title ?? id}: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      }
    };
    return { registry, contextKeys, output, keymap: resolveKeymap(KEYMAP, isMac), isMac, run };
  }, [isMac]);
  return (
    <CommandsContext.Provider value={value}>
      <KeybindingDispatcher />
      {children}
    </CommandsContext.Provider>
  );
}

export function useCommands(): CommandsValue {
  const value = useContext(CommandsContext);
  if (!value) throw new Error("useCommands needs a CommandsProvider above it");
  return value;
}

/** Registers commands while the calling component is mounted; pass the values the commands close over as deps. */
export function useRegisterCommands(build: () => readonly CommandDescription[], deps: readonly unknown[]): void {
  const { registry } = useCommands();
  useEffect(() => registry.registerAll(build()),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what `build` closes over
    [registry, ...deps]);
}

/** Sets a context key while mounted (and whenever the value changes). */
export function useContextKey(key: string, value: WhenContext[string]): void {
  const { contextKeys } = useCommands();
  useEffect(() => {
    contextKeys.set(key, value);
  }, [contextKeys, key, value]);
  useEffect(() => () => contextKeys.delete(key), [contextKeys, key]);
}

export function useWhenContext(): WhenContext {
  const { contextKeys } = useCommands();
  return useSyncExternalStore(
    (listener) => contextKeys.subscribe(listener),
    () => contextKeys.snapshot(),
    () => contextKeys.snapshot(),
  );
}

export function useCommandList(): readonly CommandDescription[] {
  const { registry } = useCommands();
  return useSyncExternalStore(
    (listener) => registry.subscribe(listener),
    () => registry.list(),
    () => registry.list(),
  );
}

/** The printed key of a command's first binding ("Ctrl+Shift+P" / "⇧⌘P"), or null, for hints and tooltips. */
export function useKeybindingLabel(commandId: string): string | null {
  const { keymap, isMac } = useCommands();
  const binding = keymap.find((entry) => entry.command === commandId);
  return binding ? formatKeybinding(binding.binding, isMac) : null;
}

function isTextInput(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["button", "checkbox", "radio", "range", "submit", "reset"].includes(target.type);
  return false;
}

/** One keydown listener for the whole workbench: shortcuts stay off while the focus is in a text field, as editors do. */
function KeybindingDispatcher() {
  const { keymap, isMac, registry, contextKeys, run } = useCommands();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const inInput = isTextInput(event.target);
      for (const entry of keymap) {
        if (inInput && !entry.whenInput) continue;
        if (!keybindingMatches(entry.binding, event, isMac)) continue;
        if (!registry.isEnabled(entry.command, contextKeys.snapshot())) continue;
        event.preventDefault();
        void run(entry.command);
        return;
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [keymap, isMac, registry, contextKeys, run]);
  return null;
}
