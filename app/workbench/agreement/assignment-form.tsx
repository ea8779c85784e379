"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "../api-fetch";
import styles from "./agreement.module.css";
import { parseAnnotatorList } from "./annotator-list";

/**
 * Assigning a corpus's recordings to annotators (workspace admins; the server
 * refuses others): each recording to one annotator, and the overlap share to
 * several, which is what agreement is measured on. Reproducible for a seed;
 * running it again only adds what is missing.
 */
export function AssignmentForm({ corpusId }: { corpusId: string }) {
  const [annotators, setAnnotators] = useState("");
  const [overlapShare, setOverlapShare] = useState("0.2");
  const [seed, setSeed] = useState("1");
  const assign = useMutation({
    mutationFn: () =>
      fetchJson<{ planned: number; added: number }>("/api/assignments", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ corpusId, annotators: parseAnnotatorList(annotators), overlapShare: Number(overlapShare), seed: Number(seed) }),
      }),
  });
  const names = parseAnnotatorList(annotators);

  return (
    <form
      className={styles.toolbar}
      aria-label="Assign recordings"
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate();
      }}
    >
      <label>
        Assign to
        <input value={annotators} onChange={(event) => setAnnotators(event.target.value)} placeholder="usernames, comma-separated" size={28} />
      </label>
      <label>
        Overlap share
        <input type="number" min={0} max={1} step={0.05} value={overlapShare} onChange={(event) => setOverlapShare(event.target.value)} />
      </label>
      <label>
        Seed
        <input type="number" step={1} value={seed} onChange={(event) => setSeed(event.target.value)} size={6} />
      </label>
      <button type="submit" className="button" disabled={names.length === 0 || assign.isPending}>
        Assign
      </button>
      {assign.isSuccess && (
        <span role="status" data-testid="assignment-result">
          {assign.data.added} new {assign.data.added === 1 ? "assignment" : "assignments"} ({assign.data.planned} planned; ones made before are kept).
        </span>
      )}
      {assign.isError && (
        <span role="alert" className={styles.problem}>
          {assign.error.message}
        </span>
      )}
    </form>
  );
}
