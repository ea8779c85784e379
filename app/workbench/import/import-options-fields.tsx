"use client";

import { useId } from "react";
import type { ImportFormOptions } from "./import-request";

/** Corpus name, manifest and channel options, the same on both tabs of the import dialog. */
export function ImportOptionsFields({
  value,
  onChange,
  manifestHint,
  disabled = false,
}: {
  value: ImportFormOptions;
  onChange: (value: ImportFormOptions) => void;
  manifestHint: string;
  disabled?: boolean;
}) {
  const id = useId();
  const set = <K extends keyof ImportFormOptions>(key: K, field: ImportFormOptions[K]) => onChange({ ...value, [key]: field });

  return (
    <fieldset className="form-fields" disabled={disabled}>
      <label htmlFor={`${id}-corpus`}>Corpus name</label>
      <input
        id={`${id}-corpus`}
        type="text"
        required
        maxLength={200}
        value={value.corpusName}
        onChange={(event) => set("corpusName", event.target.value)}
      />
      <label htmlFor={`${id}-manifest`}>Manifest (optional)</label>
      <input
        id={`${id}-manifest`}
        type="text"
        aria-describedby={`${id}-manifest-hint`}
        value={value.manifestPath}
        onChange={(event) => set("manifestPath", event.target.value)}
      />
      <p id={`${id}-manifest-hint`} className="form-hint">
        {manifestHint}
      </p>
      <label className="form-check">
        <input type="checkbox" checked={value.manifestComplete} onChange={(event) => set("manifestComplete", event.target.checked)} />
        Manifest lists every file
      </label>
      <label className="form-check">
        <input type="checkbox" checked={value.splitChannels} onChange={(event) => set("splitChannels", event.target.checked)} />
        Keep channels as separate tracks
      </label>
    </fieldset>
  );
}
