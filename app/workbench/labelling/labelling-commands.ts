import { CANONICAL_LABELS, type CanonicalLabel } from "@/lib/domain/emotion-labels";
import type { CommandDescription, WhenContext } from "../commands/command-registry";

/**
 * The labelling commands, described once for the palette, the keymap
 * (keys in commands/keymap.ts), the segment menu and the sidebar's buttons.
 * `actions` does the work; this file only says what each command is called
 * and when it applies, so it stays testable without React.
 */
export interface LabellingActions {
  assign(emotion: CanonicalLabel): void;
  acceptModel(): void;
  clear(): void;
  deleteRegion(): void;
  editNote(): void;
  toggleReviewed(): void;
  toggleTarget(): void;
  nextRegion(): void;
  previousRegion(): void;
  undo(): void;
  redo(): void;
  nextNeedingAttention(): Promise<void>;
}

export interface LabellingTitles {
  /** The state's undo/redo titles, so the palette says what will be undone. */
  undo: string | null;
  redo: string | null;
}

export const LABEL_CATEGORY = "Label";

export const assignCommandId = (emotion: CanonicalLabel) => `label.assign.${emotion}`;

const inRecordingEditor = (context: WhenContext) => context["activeEditor"] === "recording";
const withRegion = (context: WhenContext) => inRecordingEditor(context) && context["regionSelected"] === true;

export function labellingCommands(actions: LabellingActions, titles: LabellingTitles): CommandDescription[] {
  const command = (id: string, title: string, run: () => void | Promise<void>, extra: Partial<CommandDescription> = {}): CommandDescription => ({
    id,
    title,
    category: LABEL_CATEGORY,
    when: inRecordingEditor,
    run,
    ...extra,
  });
  return [
    ...CANONICAL_LABELS.map((emotion, index) =>
      command(assignCommandId(emotion), `Label as ${emotion}`, () => actions.assign(emotion), {
        menus: [{ menu: "segment/context", group: "1_label", order: index }],
      }),
    ),
    command("label.acceptModel", "Accept the model's label", () => actions.acceptModel(), { menus: [{ menu: "segment/context", group: "2_model" }] }),
    command("label.clear", "Clear label", () => actions.clear(), { menus: [{ menu: "segment/context", group: "2_model", order: 1 }] }),
    command("label.deleteRegion", "Delete region", () => actions.deleteRegion(), {
      when: withRegion,
      menus: [{ menu: "segment/context", group: "4_region" }],
    }),
    command("label.editNote", "Edit note…", () => actions.editNote(), { menus: [{ menu: "segment/context", group: "3_note" }] }),
    command("label.toggleReviewed", "Toggle reviewed", () => actions.toggleReviewed(), { menus: [{ menu: "editor/title", group: "label" }] }),
    command("label.labelRecording", "Switch label target between region and whole recording", () => actions.toggleTarget()),
    command("label.nextRegion", "Next region", () => actions.nextRegion()),
    command("label.previousRegion", "Previous region", () => actions.previousRegion()),
    command("label.undo", titles.undo ? `Undo: ${titles.undo}` : "Undo label edit", () => actions.undo(), {
      menus: [{ menu: "editor/title", group: "label", order: 1 }],
    }),
    command("label.redo", titles.redo ? `Redo: ${titles.redo}` : "Redo label edit", () => actions.redo(), {
      menus: [{ menu: "editor/title", group: "label", order: 2 }],
    }),
    command("label.nextNeedingAttention", "Open next recording that needs attention", () => actions.nextNeedingAttention(), {
      menus: [{ menu: "editor/title", group: "label", order: 3 }],
    }),
  ];
}
