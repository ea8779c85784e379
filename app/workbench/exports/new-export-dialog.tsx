"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { EXPORT_FORMATS } from "@/lib/domain/export/export-definition";
import { VALENCE_MAPPING } from "@/lib/domain/export/label-mapping";
import { cohortsQuery } from "../cohorts/cohort-queries";
import { projectableModelsQuery } from "../projections/projection-queries";
import { corporaQuery } from "../recordings/recording-queries";
import { exportKeys, startExport } from "./export-queries";
import { useDefaultChoice, useModalDialog } from "../use-modal-dialog";

export interface ExportPreset {
  /** A projection's lasso or box selection. */
  projection?: { projectionId: string; pointKeys: readonly string[] };
  level?: "recording" | "region";
  name?: string;
}

const FORMAT_TITLES: Readonly<Record<(typeof EXPORT_FORMATS)[number], string>> = {
  jsonl: "JSONL manifest",
  audiofolder: "Hugging Face audiofolder",
  fairseq: "fairseq / emotion2vec manifest (.tsv + .emo)",
  "items-csv": "Items CSV",
  "items-tsv": "Items TSV",
  "curves-csv": "Frame curves CSV",
  "embeddings-npy": "Embeddings .npy",
  textgrid: "Praat TextGrid",
  eaf: "ELAN .eaf",
  rttm: "RTTM",
  audacity: "Audacity labels",
  "chat-jsonl": "Chat JSONL (audio LLM fine-tuning)",
  "label-studio": "Label Studio JSON",
};

type Mapping = "canonical" | "valence" | "subset";

/**
 * Defines an export: the set (corpora, cohorts, a filter, or a projection
 * selection), level, label policy, label mapping, splits and formats. The
 * definition is stored with the snapshot, so it can be run again.
 */
export function NewExportDialog({ preset, onClose }: { preset?: ExportPreset; onClose: () => void }) {
  const id = useId();
  const dialog = useModalDialog();
  const queryClient = useQueryClient();
  const corpora = useQuery(corporaQuery());
  const cohorts = useQuery(cohortsQuery());
  const models = useQuery(projectableModelsQuery());
  const [name, setName] = useState(preset?.name ?? "Emotion clips");
  const [corpusIds, setCorpusIds] = useState<ReadonlySet<string>>(new Set());
  const [cohortIds, setCohortIds] = useState<ReadonlySet<string>>(new Set());
  const [level, setLevel] = useState<"recording" | "region">(preset?.level ?? "recording");
  const [policy, setPolicy] = useState<"human" | "human-over-model" | "model">("human");
  const [minConfidence, setMinConfidence] = useState(0.6);
  const [modelId, setModelId] = useState("");
  const [mapping, setMapping] = useState<Mapping>("canonical");
  const [subset, setSubset] = useState<ReadonlySet<string>>(new Set(["angry", "happy", "neutral", "sad"]));
  const [ratios, setRatios] = useState({ train: 0.8, validation: 0.1, test: 0.1 });
  const [seed, setSeed] = useState(1);
  const [formats, setFormats] = useState<ReadonlySet<string>>(new Set(["jsonl", "audiofolder", "items-csv"]));
  const [includeModelScores, setIncludeModelScores] = useState(false);
  const [licence, setLicence] = useState("");

  // The model with the most embeddings is the sensible default.
  useDefaultChoice(modelId, models.data?.[0]?.id, setModelId);

  const needsModel = policy !== "human" || includeModelScores || formats.has("curves-csv") || formats.has("embeddings-npy");
  const start = useMutation({
    mutationFn: () =>
      startExport({
        name,
        selection: preset?.projection ? { projection: preset.projection } : { ...(corpusIds.size ? { corpusIds: [...corpusIds] } : {}), ...(cohortIds.size ? { cohortIds: [...cohortIds] } : {}) },
        level,
        labelPolicy: policy === "human" ? { kind: "human" } : { kind: policy, minConfidence },
        ...(needsModel && modelId ? { modelId } : {}),
        mapping: mapping === "canonical" ? { kind: "canonical" } : mapping === "valence" ? VALENCE_MAPPING : { kind: "subset", labels: [...subset] },
        splits: { ...ratios, seed, stratify: true },
        formats: [...formats],
        includeModelScores,
        ...(licence.trim() ? { licence: licence.trim() } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: exportKeys.all });
      dialog.current?.close();
    },
  });
  const toggle = (set: ReadonlySet<string>, value: string) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="new-export-dialog">
      <header className="dialog__header">
        <h2 id={`${id}-title`}>New export</h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </header>
      <form className="import-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} data-autofocus />
        {preset?.projection ? (
          <p className="form-hint">The {preset.projection.pointKeys.length.toLocaleString()} points selected in the projection.</p>
        ) : (
          <fieldset className="form-fields">
            <legend>Corpora and cohorts</legend>
            {corpora.data?.map((corpus) => (
              <label key={corpus.id} className="form-check">
                <input type="checkbox" checked={corpusIds.has(corpus.id)} onChange={() => setCorpusIds((current) => toggle(current, corpus.id))} />
                {corpus.name} ({corpus.recordingCount.toLocaleString()})
              </label>
            ))}
            {cohorts.data?.map((cohort) => (
              <label key={cohort.id} className="form-check">
                <input type="checkbox" checked={cohortIds.has(cohort.id)} onChange={() => setCohortIds((current) => toggle(current, cohort.id))} />
                cohort {cohort.name} <span className="form-hint">({cohort.corpus.name})</span>
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="form-fields">
          <legend>Items</legend>
          <label className="form-check">
            <input type="radio" name={`${id}-level`} checked={level === "recording"} onChange={() => setLevel("recording")} /> whole recordings
          </label>
          <label className="form-check">
            <input type="radio" name={`${id}-level`} checked={level === "region"} onChange={() => setLevel("region")} /> labelled regions as clips
          </label>
        </fieldset>
        <label htmlFor={`${id}-policy`}>Labels</label>
        <select id={`${id}-policy`} value={policy} onChange={(event) => setPolicy(event.target.value as typeof policy)} data-testid="export-policy">
          <option value="human">Human labels only</option>
          <option value="human-over-model">Human labels, the model&apos;s where there is none</option>
          <option value="model">The model&apos;s labels above a confidence</option>
        </select>
        {policy !== "human" && (
          <label className="form-check">
            minimum model confidence
            <input type="number" min={0} max={1} step={0.05} value={minConfidence} onChange={(event) => setMinConfidence(Number(event.target.value))} />
          </label>
        )}
        {needsModel && (
          <>
            <label htmlFor={`${id}-model`}>Model</label>
            <select id={`${id}-model`} value={modelId} onChange={(event) => setModelId(event.target.value)}>
              {models.data?.map((model) => (
                <option key={model.id} value={model.id}>
                  {model.name} {model.version}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={`${id}-mapping`}>Label set</label>
        <select id={`${id}-mapping`} value={mapping} onChange={(event) => setMapping(event.target.value as Mapping)}>
          <option value="canonical">The nine emotion2vec+ labels</option>
          <option value="valence">Valence: negative / neutral / positive</option>
          <option value="subset">A subset…</option>
        </select>
        {mapping === "subset" && (
          <div className="form-fields">
            {CANONICAL_LABELS.map((label) => (
              <label key={label} className="form-check">
                <input type="checkbox" checked={subset.has(label)} onChange={() => setSubset((current) => toggle(current, label))} /> {label}
              </label>
            ))}
          </div>
        )}
        <fieldset className="form-fields">
          <legend>Splits (patient-disjoint, stratified by label)</legend>
          {(["train", "validation", "test"] as const).map((split) => (
            <label key={split} className="form-check">
              {split}
              <input type="number" min={0} max={1} step={0.05} value={ratios[split]} onChange={(event) => setRatios({ ...ratios, [split]: Number(event.target.value) })} />
            </label>
          ))}
          <label className="form-check">
            seed
            <input type="number" min={0} value={seed} onChange={(event) => setSeed(Number(event.target.value))} />
          </label>
        </fieldset>
        <fieldset className="form-fields">
          <legend>Formats</legend>
          {EXPORT_FORMATS.map((format) => (
            <label key={format} className="form-check">
              <input type="checkbox" checked={formats.has(format)} onChange={() => setFormats((current) => toggle(current, format))} /> {FORMAT_TITLES[format]}
            </label>
          ))}
          <label className="form-check">
            <input type="checkbox" checked={includeModelScores} onChange={(event) => setIncludeModelScores(event.target.checked)} /> include the model&apos;s nine scores per item
          </label>
        </fieldset>
        <label htmlFor={`${id}-licence`}>Licence note</label>
        <input id={`${id}-licence`} value={licence} onChange={(event) => setLicence(event.target.value)} placeholder="Not stated: ask the data owner before sharing." />
        {start.error && (
          <p className="form-error" role="alert">
            {start.error.message}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={start.isPending} data-testid="export-start">
            Export
          </button>
        </div>
      </form>
    </dialog>
  );
}
