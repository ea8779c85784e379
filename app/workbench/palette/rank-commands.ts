import { fuzzyMatch, type MatchRange } from "./fuzzy-match";

/**
 * What the command palette lists: enabled commands that show in the
 * palette, as "Category: Title". With no query, recently run commands come
 * first (most recent first), then the rest alphabetically; with a query,
 * the best matches first, recency breaking ties.
 */

export interface PaletteCommand {
  id: string;
  title: string;
  category: string;
  showInPalette?: boolean;
}

export interface RankedCommand {
  id: string;
  label: string;
  ranges: readonly MatchRange[];
  recent: boolean;
}

export function commandLabel(command: Pick<PaletteCommand, "title" | "category">): string {
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

export function rankCommands(
  commands: readonly PaletteCommand[],
  isEnabled: (id: string) => boolean,
  query: string,
  recent: readonly string[],
): RankedCommand[] {
  const recency = new Map(recent.map((id, index) => [id, index]));
  const ranked: (RankedCommand & { score: number; recency: number })[] = [];
  for (const command of commands) {
    if (command.showInPalette === false || !isEnabled(command.id)) continue;
    const label = commandLabel(command);
    const match = fuzzyMatch(query, label);
    if (!match) continue;
    const position = recency.get(command.id);
    ranked.push({
      id: command.id,
      label,
      ranges: match.ranges,
      recent: position !== undefined,
      score: match.score,
      recency: position ?? Number.POSITIVE_INFINITY,
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.recency - b.recency || a.label.localeCompare(b.label));
  return ranked.map(({ id, label, ranges, recent: isRecent }) => ({ id, label, ranges, recent: isRecent }));
}
