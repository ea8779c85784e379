"use client";

import type { ModelsListing } from "../api-types";
import styles from "./analysis.module.css";

/**
 * Chooses the model to analyse with. Folders that cannot be used stay in the
 * list, greyed and disabled, with their reasons below (and on hover), so a
 * researcher who dropped a model in sees why it is not offered.
 */
export function ModelPicker({ listing, value, onChange }: { listing: ModelsListing; value: string | null; onChange: (modelId: string) => void }) {
  const { models, invalid } = listing;
  return (
    <>
      <label htmlFor="analysis-model">Model</label>
      <select id="analysis-model" value={value ?? ""} onChange={(event) => onChange(event.target.value)} disabled={models.length === 0}>
        {models.length === 0 && <option value="">No usable model in MODELS_DIR</option>}
        {models.map((model) => (
          <option key={`${model.id}@${model.version}`} value={model.id} title={`${model.license} · ${model.source}`}>
            {model.name} ({model.id} {model.version})
          </option>
        ))}
        {invalid.length > 0 && (
          <optgroup label="Cannot be used">
            {invalid.map((entry) => (
              <option key={entry.folderName} value={`invalid:${entry.folderName}`} disabled title={entry.reason}>
                {entry.folderName}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {invalid.length > 0 && (
        <details className={styles.invalid}>
          <summary>
            {invalid.length} model folder{invalid.length === 1 ? "" : "s"} cannot be used
          </summary>
          <ul aria-label="Models that cannot be used">
            {invalid.map((entry) => (
              <li key={entry.folderName} className={styles.invalidItem} aria-disabled="true" title={entry.reason}>
                <span>{entry.folderName}</span>: <span>{entry.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
