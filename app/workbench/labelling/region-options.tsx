"use client";

import { useState } from "react";
import styles from "./labelling.module.css";
import { MAX_MIN_SECONDS, parseMinSecondsInput, type RegionSettings } from "./region-settings";

/** How regions are drawn: no overlap, minimum length, play on select. Kept in this browser. */
export function RegionOptions({ settings, onChange }: { settings: RegionSettings; onChange: (next: RegionSettings) => void }) {
  const [minText, setMinText] = useState(String(settings.minSeconds));
  const minValid = parseMinSecondsInput(minText) !== null;
  return (
    <details className={styles.block} data-testid="region-options">
      <summary>Region options</summary>
      <label className={styles.option}>
        <input type="checkbox" checked={settings.noOverlap} onChange={(event) => onChange({ ...settings, noOverlap: event.target.checked })} data-testid="region-option-no-overlap" />
        Regions may not overlap
      </label>
      <label className={styles.option}>
        Minimum length
        <input
          type="number"
          min={0}
          max={MAX_MIN_SECONDS}
          step={0.05}
          value={minText}
          aria-invalid={!minValid}
          className={styles.numberInput}
          data-testid="region-option-min-seconds"
          onChange={(event) => {
            setMinText(event.target.value);
            const seconds = parseMinSecondsInput(event.target.value);
            if (seconds !== null) onChange({ ...settings, minSeconds: seconds });
          }}
        />
        s
      </label>
      {!minValid && <p className={styles.error}>Enter a number of seconds from 0 to {MAX_MIN_SECONDS}.</p>}
      <label className={styles.option}>
        <input type="checkbox" checked={settings.playOnSelect} onChange={(event) => onChange({ ...settings, playOnSelect: event.target.checked })} data-testid="region-option-play-on-select" />
        Play a region when it is selected
      </label>
    </details>
  );
}
