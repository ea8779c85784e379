"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { cohortsQuery } from "../cohorts/cohort-queries";
import { corporaQuery } from "../recordings/recording-queries";
import { EXPLORER_FILTER_TITLES, EXPLORER_FILTERS, type SelectionFilter } from "../explorer/explorer-types";
import { createProjection, projectableModelsQuery, projectionKeys } from "./projection-queries";
import { useDefaultChoice, useModalDialog } from "../use-modal-dialog";

export interface NewProjectionPreset {
  /** Project exactly these recordings (a selection), instead of corpora and cohorts. */
  recordingIds?: readonly string[];
  modelId?: string;
}

/**
 * Defines a projection: the set (corpora, cohorts, a filter, or a given
 * selection), the model, the level, and the UMAP parameters, with the
 * defaults umap-learn users know. Submitting queues the job and opens the
 * projection, which fills in when the job finishes.
 */
export function NewProjectionDialog({
  preset,
  onClose,
  onCreated,
}: {
  preset?: NewProjectionPreset;
  onClose: () => void;
  onCreated: (projectionId: string, name: string) => void;
}) {
  const id = useId();
  const dialog = useModalDialog();
  const queryClient = useQueryClient();
  const corpora = useQuery(corporaQuery());
  const models = useQuery(projectableModelsQuery());
  const cohorts = useQuery(cohortsQuery());
  const [corpusIds, setCorpusIds] = useState<ReadonlySet<string>>(new Set());
  const [cohortIds, setCohortIds] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState<SelectionFilter>("all");
  const [modelId, setModelId] = useState(preset?.modelId ?? "");
  const [level, setLevel] = useState<"recording" | "region">("recording");
  const [name, setName] = useState("");
  const [nNeighbors, setNNeighbors] = useState(15);
  const [minDist, setMinDist] = useState(0.1);
  const [metric, setMetric] = useState<"cosine" | "euclidean">("cosine");
  const [seed, setSeed] = useState(42);
  const [supervised, setSupervised] = useState(false);


  // The model with the most embeddings is the sensible default.
  useDefaultChoice(modelId, models.data?.[0]?.id, setModelId);

  const create = useMutation({
    mutationFn: () =>
      createProjection({
        ...(name.trim() ? { name: name.trim() } : {}),
        level,
        modelId,
        selection: preset?.recordingIds
          ? { recordingIds: preset.recordingIds, filter }
          : { ...(corpusIds.size ? { corpusIds: [...corpusIds] } : {}), ...(cohortIds.size ? { cohortIds: [...cohortIds] } : {}), filter },
        parameters: { nNeighbors, minDist, metric, seed, supervised },
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: projectionKeys.all });
      onCreated(created.projection.id, created.projection.name);
      dialog.current?.close();
    },
  });

  const toggle = (set: ReadonlySet<string>, value: string) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const hasSet = Boolean(preset?.recordingIds?.length) || corpusIds.size + cohortIds.size > 0;
  const chosenModel = models.data?.find((model) => model.id === modelId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (hasSet && modelId) create.mutate();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="new-projection-dialog">
      <header className="dialog__header">
        <h2 id={`${id}-title`}>New projection</h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </header>
      <form className="import-form" onSubmit={onSubmit}>
        {preset?.recordingIds ? (
          <p className="form-hint">The {preset.recordingIds.length.toLocaleString()} selected recordings.</p>
        ) : (
          <>
            <fieldset className="form-fields">
              <legend>Corpora</legend>
              {corpora.data?.length === 0 && <p className="form-hint">No corpora yet: import recordings first.</p>}
              {corpora.data?.map((corpus, index) => (
                <label key={corpus.id} className="form-check">
                  <input
                    type="checkbox"
                    checked={corpusIds.has(corpus.id)}
                    onChange={() => setCorpusIds((current) => toggle(current, corpus.id))}
                    data-autofocus={index === 0 ? true : undefined}
                  />
                  {corpus.name} ({corpus.recordingCount.toLocaleString()})
                </label>
              ))}
            </fieldset>
            {(cohorts.data?.length ?? 0) > 0 && (
              <fieldset className="form-fields">
                <legend>Cohorts</legend>
                <p className="form-hint">With corpora chosen too, only their recordings in these cohorts.</p>
                {cohorts.data?.map((cohort) => (
                  <label key={cohort.id} className="form-check">
                    <input type="checkbox" checked={cohortIds.has(cohort.id)} onChange={() => setCohortIds((current) => toggle(current, cohort.id))} />
                    {cohort.name} <span className="form-hint">({cohort.corpus.name}, {cohort.patientCount} patients)</span>
                  </label>
                ))}
              </fieldset>
            )}
          </>
        )}
        <label htmlFor={`${id}-filter`}>Filter</label>
        <select id={`${id}-filter`} value={filter} onChange={(event) => setFilter(event.target.value as SelectionFilter)}>
          {EXPLORER_FILTERS.map((entry) => (
            <option key={entry} value={entry}>
              {EXPLORER_FILTER_TITLES[entry]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-model`}>Embeddings of</label>
        <select id={`${id}-model`} value={modelId} onChange={(event) => setModelId(event.target.value)} data-testid="projection-model">
          {models.data?.length === 0 && <option value="">No model has stored embeddings: analyse recordings first</option>}
          {models.data?.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name} {model.version} ({model.recordingEmbeddings.toLocaleString()} recordings, {model.regionEmbeddings.toLocaleString()} regions)
            </option>
          ))}
        </select>
        <fieldset className="form-fields">
          <legend>One point per</legend>
          <label className="form-check">
            <input type="radio" name={`${id}-level`} checked={level === "recording"} onChange={() => setLevel("recording")} /> recording
          </label>
          <label className="form-check">
            <input type="radio" name={`${id}-level`} checked={level === "region"} onChange={() => setLevel("region")} /> region (segment)
            {chosenModel && chosenModel.regionEmbeddings === 0 && <span className="form-hint"> — this model has no region embeddings yet</span>}
          </label>
        </fieldset>
        <details>
          <summary>UMAP parameters</summary>
          <div className="form-fields">
            <label htmlFor={`${id}-neighbours`}>Neighbours</label>
            <input id={`${id}-neighbours`} type="number" min={2} max={200} value={nNeighbors} onChange={(event) => setNNeighbors(Number(event.target.value))} />
            <label htmlFor={`${id}-min-dist`}>Minimum distance</label>
            <input id={`${id}-min-dist`} type="number" min={0} max={1} step={0.05} value={minDist} onChange={(event) => setMinDist(Number(event.target.value))} />
            <label htmlFor={`${id}-metric`}>Metric</label>
            <select id={`${id}-metric`} value={metric} onChange={(event) => setMetric(event.target.value as "cosine" | "euclidean")}>
              <option value="cosine">cosine</option>
              <option value="euclidean">euclidean</option>
            </select>
            <label htmlFor={`${id}-seed`}>Seed</label>
            <input id={`${id}-seed`} type="number" min={0} value={seed} onChange={(event) => setSeed(Number(event.target.value))} />
            <label className="form-check">
              <input type="checkbox" checked={supervised} onChange={(event) => setSupervised(event.target.checked)} /> Supervised by human labels
            </label>
          </div>
        </details>
        <label htmlFor={`${id}-name`}>Name (optional)</label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} placeholder="Described from the choices above" />
        {create.error && (
          <p className="form-error" role="alert">
            {create.error.message}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!hasSet || !modelId || create.isPending} data-testid="projection-create">
            Project
          </button>
        </div>
      </form>
    </dialog>
  );
}
