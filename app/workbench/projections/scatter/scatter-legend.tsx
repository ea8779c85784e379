"use client";

import type { MouseEvent } from "react";
import type { CategoricalLegend, ContinuousLegend, ScatterLegend as LegendModel } from "../../../../lib/domain/scatter/scatter-legend-model";
import { MISSING_CODE } from "../../../../lib/domain/scatter/scatter-coloring";
import styles from "./scatter-plot.module.css";

export interface ScatterLegendProps {
  legend: LegendModel;
  title?: string;
  /** Shows a hidden entry or hides a shown one. */
  onToggle(code: number): void;
  /** Shows only this entry (Alt/⌥-click or its "only" button). */
  onIsolate(code: number): void;
  onShowAll(): void;
}

/**
 * The scatter's legend and filter. Each categorical entry is a toggle button
 * (pressed = shown) with its colour, label and point count; a continuous
 * colouring shows its gradient with ticks, and its missing values as a toggle.
 */
export function ScatterLegend({ legend, title, onToggle, onIsolate, onShowAll }: ScatterLegendProps) {
  return legend.kind === "categorical" ? (
    <CategoricalLegendView legend={legend} title={title} onToggle={onToggle} onIsolate={onIsolate} onShowAll={onShowAll} />
  ) : (
    <ContinuousLegendView legend={legend} title={title} onToggle={onToggle} />
  );
}

function CategoricalLegendView({ legend, title, onToggle, onIsolate, onShowAll }: ScatterLegendProps & { legend: CategoricalLegend }) {
  const anyHidden = legend.entries.some((entry) => entry.hidden);
  const click = (event: MouseEvent, code: number) => (event.altKey ? onIsolate(code) : onToggle(code));
  return (
    <div className={styles.legend} data-testid="scatter-legend">
      <div className={styles.legendHeader}>
        <span className={styles.legendTitle}>{title ?? "Legend"}</span>
        {anyHidden && (
          <button type="button" className={styles.legendAction} onClick={onShowAll}>
            Show all
          </button>
        )}
      </div>
      <ul className={styles.legendList} aria-label={`${title ?? "Legend"}: click to hide or show, Alt-click to show only one`}>
        {legend.entries.map((entry) => (
          <li key={entry.code} className={styles.legendRow}>
            <button
              type="button"
              className={styles.legendEntry}
              aria-pressed={!entry.hidden}
              aria-label={`${entry.label} (${entry.count.toLocaleString()} points)`}
              data-code={entry.code}
              data-count={entry.count}
              title={entry.hidden ? `Show ${entry.label}` : `Hide ${entry.label} (Alt-click: show only ${entry.label})`}
              onClick={(event) => click(event, entry.code)}
            >
              <span className={styles.swatch} style={{ borderColor: entry.color, background: entry.color }} aria-hidden="true" />
              <span className={styles.legendLabel}>{entry.label}</span>
              <span className={styles.legendCount}>{entry.count.toLocaleString()}</span>
            </button>
            <button type="button" className={styles.legendOnly} aria-label={`Show only ${entry.label}`} onClick={() => onIsolate(entry.code)}>
              only
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ContinuousLegendView({ legend, title, onToggle }: { legend: ContinuousLegend; title?: string; onToggle(code: number): void }) {
  const gradient = `linear-gradient(to right, ${legend.gradient.map((stop) => `${stop.color} ${stop.offset * 100}%`).join(", ")})`;
  return (
    <div className={styles.legend} data-testid="scatter-legend">
      <div className={styles.legendHeader}>
        <span className={styles.legendTitle}>{title ?? legend.label}</span>
      </div>
      <div className={styles.gradient} style={{ background: gradient }} role="img" aria-label={`${legend.label} from ${legend.domain[0]} to ${legend.domain[1]}`} />
      <div className={styles.ticks} aria-hidden="true">
        {legend.ticks.map((tick) => (
          <span key={tick.value} className={styles.tick} style={{ left: `${tick.offset * 100}%` }}>
            {tick.text}
          </span>
        ))}
      </div>
      {legend.missingCount > 0 && (
        <button
          type="button"
          className={styles.legendEntry}
          aria-pressed={!legend.missingHidden}
          aria-label={`missing (${legend.missingCount.toLocaleString()} points)`}
          data-code={MISSING_CODE}
          data-count={legend.missingCount}
          title={legend.missingHidden ? "Show points without a value" : "Hide points without a value"}
          onClick={() => onToggle(MISSING_CODE)}
        >
          <span className={styles.swatch} style={{ borderColor: legend.missingColor, background: legend.missingColor }} aria-hidden="true" />
          <span className={styles.legendLabel}>missing</span>
          <span className={styles.legendCount}>{legend.missingCount.toLocaleString()}</span>
        </button>
      )}
    </div>
  );
}
