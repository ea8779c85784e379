import { CANONICAL_LABELS, type CanonicalLabel } from "@/lib/domain/emotion-labels";
import type { CommandDescription, WhenContext } from "../commands/command-registry";

/**
 * The recording editor's commands, described once: the palette, the keymap
 * (keymap.ts), menus and the toolbar's buttons all run these. Each applies
 * only while a recording editor is the active editor.
 */

export const EDITOR_CATEGORY = "Editor";
export const VIEW_CATEGORY = "Editor View";

export interface EditorActions {
  playPause(): void;
  seekBack(): void;
  seekForward(): void;
  zoomIn(): void;
  zoomOut(): void;
  zoomToFit(): void;
  zoomToFrames(): void;
  slower(): void;
  faster(): void;
  normalSpeed(): void;
  toggleLoop(): void;
  /** null: all channels (the analysis audio). */
  playChannel(channel: number | null): void;
  toggleSpectrogram(): void;
  toggleCurves(): void;
  toggleReference(): void;
  toggleCurveMode(): void;
  toggleConfidenceBand(): void;
  toggleAmplitudeScale(): void;
  taller(): void;
  shorter(): void;
  smoothMore(): void;
  smoothLess(): void;
  toggleClass(label: CanonicalLabel): void;
  showAllClasses(): void;
  compareModel(): void;
  stopComparing(): void;
  analyse(): void;
  clearSelection(): void;
}

export interface EditorCommandState {
  /** Channels of the original file; channel commands exist only when there are several. */
  channels: number;
  hasReference: boolean;
  comparing: boolean;
  loop: boolean;
  curveMode: "stacked" | "lines";
  amplitude: "linear" | "db";
}

/** Channel commands offered, at most this many (a multichannel array rarely needs more from a menu). */
const MAX_CHANNEL_COMMANDS = 8;

export const inRecordingEditor = (context: WhenContext) => context["activeEditor"] === "recording";

export function editorCommands(actions: EditorActions, state: EditorCommandState): CommandDescription[] {
  const editor = (id: string, title: string, run: () => void, extra: Partial<CommandDescription> = {}): CommandDescription => ({
    id,
    title,
    category: EDITOR_CATEGORY,
    when: inRecordingEditor,
    run,
    ...extra,
  });
  const view = (id: string, title: string, run: () => void, extra: Partial<CommandDescription> = {}) => editor(id, title, run, { category: VIEW_CATEGORY, ...extra });
  const channels: CommandDescription[] =
    state.channels > 1
      ? [
          editor("editor.playAllChannels", "Play all channels", () => actions.playChannel(null), { menus: [{ menu: "editor/title", group: "3_channel" }] }),
          ...Array.from({ length: Math.min(state.channels, MAX_CHANNEL_COMMANDS) }, (_, channel) =>
            editor(`editor.playChannel${channel + 1}`, `Play channel ${channel + 1} only`, () => actions.playChannel(channel), {
              menus: [{ menu: "editor/title", group: "3_channel", order: channel + 1 }],
            }),
          ),
        ]
      : [];
  return [
    editor("editor.playPause", "Play / pause", actions.playPause, { menus: [{ menu: "editor/title", group: "1_playback" }] }),
    editor("editor.seekBack", "Seek back", actions.seekBack),
    editor("editor.seekForward", "Seek forward", actions.seekForward),
    editor("editor.slower", "Play slower", actions.slower),
    editor("editor.faster", "Play faster", actions.faster),
    editor("editor.normalSpeed", "Play at normal speed", actions.normalSpeed),
    editor("editor.toggleLoop", state.loop ? "Stop looping the selected region" : "Loop the selected region", actions.toggleLoop, {
      menus: [{ menu: "editor/title", group: "1_playback", order: 1 }],
    }),
    ...channels,
    editor("editor.zoomIn", "Zoom in", actions.zoomIn, { menus: [{ menu: "editor/title", group: "2_zoom" }] }),
    editor("editor.zoomOut", "Zoom out", actions.zoomOut, { menus: [{ menu: "editor/title", group: "2_zoom", order: 1 }] }),
    editor("editor.zoomToFit", "Zoom to fit the whole recording", actions.zoomToFit, { menus: [{ menu: "editor/title", group: "2_zoom", order: 2 }] }),
    editor("editor.zoomToFrames", "Zoom to single 20 ms frames", actions.zoomToFrames, { menus: [{ menu: "editor/title", group: "2_zoom", order: 3 }] }),
    editor("editor.clearSelection", "Clear the region selection", actions.clearSelection, {
      when: (context) => inRecordingEditor(context) && context["regionSelected"] === true,
    }),
    editor("editor.analyse", "Analyse this recording with the chosen model", actions.analyse, { menus: [{ menu: "editor/title", group: "4_analysis" }] }),
    editor("editor.compareModel", "Compare with another model…", actions.compareModel, { menus: [{ menu: "editor/title", group: "4_analysis", order: 1 }] }),
    ...(state.comparing ? [editor("editor.stopComparing", "Stop comparing models", actions.stopComparing)] : []),
    view("editor.toggleSpectrogram", "Show or hide the spectrogram", actions.toggleSpectrogram),
    view("editor.toggleCurves", "Show or hide the emotion curves", actions.toggleCurves),
    ...(state.hasReference ? [view("editor.toggleReference", "Show or hide the reference labels", actions.toggleReference)] : []),
    view("editor.toggleCurveMode", state.curveMode === "lines" ? "Draw curves as stacked areas" : "Draw curves as lines", actions.toggleCurveMode),
    view("editor.toggleConfidenceBand", "Show or hide the min–max band of the curves", actions.toggleConfidenceBand),
    view("editor.toggleAmplitudeScale", state.amplitude === "linear" ? "Waveform amplitude in dB" : "Waveform amplitude linear", actions.toggleAmplitudeScale),
    view("editor.taller", "Taller waveform", actions.taller),
    view("editor.shorter", "Shorter waveform", actions.shorter),
    view("editor.smoothMore", "Smooth curves more", actions.smoothMore),
    view("editor.smoothLess", "Smooth curves less", actions.smoothLess),
    view("editor.showAllClasses", "Show all emotion classes", actions.showAllClasses),
    ...CANONICAL_LABELS.map((label) => view(`editor.toggleClass.${label}`, `Show or hide the ${label} curve`, () => actions.toggleClass(label))),
  ];
}

/** Playback rates the slower/faster commands step through. */
export const RATE_STEPS = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

/** The next rate step up (direction 1) or down (-1) from `rate`, staying at the ends. */
export function stepRate(rate: number, direction: 1 | -1): number {
  if (direction > 0) return RATE_STEPS.find((step) => step > rate + 1e-9) ?? RATE_STEPS[RATE_STEPS.length - 1]!;
  return [...RATE_STEPS].reverse().find((step) => step < rate - 1e-9) ?? RATE_STEPS[0]!;
}

/** How far the arrow keys seek: a tenth of the visible window, from one frame to a minute. */
export function seekStep(visibleSeconds: number): number {
  return Math.min(60, Math.max(0.02, visibleSeconds / 10));
}
