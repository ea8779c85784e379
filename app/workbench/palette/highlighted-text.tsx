import { highlightPieces, type MatchRange } from "./fuzzy-match";

/** Text with its matched characters in <mark>, for palette, quick open and search results. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  if (ranges.length === 0) return <>{text}</>;
  return (
    <>
      {highlightPieces(text, ranges).map((piece, index) => (piece.matched ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>))}
    </>
  );
}
