/**
 * The one registry behind the command palette, menus, keybindings and hints.
 * A feature describes a command once (id, title, category, when it applies,
 * which menus show it, what it does); keys come from keymap.ts. Registering
 * returns a disposer so a view that unmounts takes its commands with it.
 */

/** Context keys commands test in `when` (e.g. editorFocus, regionSelected). */
export type WhenContext = Readonly<Record<string, boolean | string | number | null | undefined>>;

export type MenuId = "editor/title" | "editor/context" | "explorer/context" | "view/title" | "panel/title" | "segment/context";

export interface MenuPlacement {
  menu: MenuId;
  /** Menus sort by group, then order; groups are separated visually. */
  group?: string;
  order?: number;
}

export interface CommandDescription {
  /** `area.verb`, e.g. "editor.zoomIn". */
  id: string;
  title: string;
  category: string;
  /** When false the command is hidden from the palette and its keys do nothing. */
  when?: (context: WhenContext) => boolean;
  menus?: readonly MenuPlacement[];
  /** Palette entries are on by default; turn off for commands only menus or keys reach. */
  showInPalette?: boolean;
  /** Optional glyph for buttons in menus. */
  icon?: string;
  run: () => void | Promise<void>;
}

export class DuplicateCommandError extends Error {
  override readonly name = "DuplicateCommandError";
}

export class UnknownCommandError extends Error {
  override readonly name = "UnknownCommandError";
}

type Listener = () => void;

export class CommandRegistry {
  private readonly commands = new Map<string, CommandDescription>();
  private readonly listeners = new Set<Listener>();
  private snapshot: readonly CommandDescription[] = [];

  /** Throws on a duplicate id: two features claiming one id is a bug, not something to resolve by order. */
  register(description: CommandDescription): () => void {
    if (this.commands.has(description.id)) throw new DuplicateCommandError(`command ${description.id} is already registered`);
    this.commands.set(description.id, description);
    this.changed();
    return () => {
      if (this.commands.get(description.id) === description) {
        this.commands.delete(description.id);
        this.changed();
      }
    };
  }

  registerAll(descriptions: readonly CommandDescription[]): () => void {
    const disposers = descriptions.map((description) => this.register(description));
    return () => disposers.forEach((dispose) => dispose());
  }

  get(id: string): CommandDescription | undefined {
    return this.commands.get(id);
  }

  /** A stable array that changes identity only when commands are added or removed (for useSyncExternalStore). */
  list(): readonly CommandDescription[] {
    return this.snapshot;
  }

  isEnabled(id: string, context: WhenContext): boolean {
    const command = this.commands.get(id);
    return command !== undefined && (command.when?.(context) ?? true);
  }

  /** Runs a command; resolves false when it is unknown or does not apply in this context. */
  async execute(id: string, context: WhenContext): Promise<boolean> {
    const command = this.commands.get(id);
    if (!command) throw new UnknownCommandError(`no command ${id}`);
    if (command.when && !command.when(context)) return false;
    await command.run();
    return true;
  }

  /** Commands placed in a menu, sorted by group then order then title. */
  menu(menu: MenuId, context: WhenContext): { command: CommandDescription; group: string }[] {
    const entries: { command: CommandDescription; group: string; order: number }[] = [];
    for (const command of this.commands.values()) {
      const placement = command.menus?.find((candidate) => candidate.menu === menu);
      if (!placement || (command.when && !command.when(context))) continue;
      entries.push({ command, group: placement.group ?? "", order: placement.order ?? 0 });
    }
    entries.sort((a, b) => a.group.localeCompare(b.group) || a.order - b.order || a.command.title.localeCompare(b.command.title));
    return entries.map(({ command, group }) => ({ command, group }));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.snapshot = [...this.commands.values()];
    for (const listener of this.listeners) listener();
  }
}
