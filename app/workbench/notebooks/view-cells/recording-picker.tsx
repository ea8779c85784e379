"use client";

import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useState } from "react";
import { hitDescription, hitTitle } from "../../search/search-hit-text";
import { searchQuery } from "../../search/search-queries";
import type { SearchHit } from "../../search/search-types";
import { useDebouncedValue } from "../../search/use-debounced-value";
import styles from "./view-cells.module.css";

export interface RecordingPickerProps {
  /** What the chosen recording is called, once known ("" before). */
  chosenTitle: string;
  onPick: (hit: SearchHit) => void;
  invalid: boolean;
  describedBy?: string;
}

/**
 * A combobox labelled "Recording": typing searches recordings by name,
 * patient, cohort or session (the Search view's route) and lists the
 * matches; a click or Enter picks one. Arrow keys move through the list,
 * Escape closes it.
 */
export function RecordingPicker({ chosenTitle, onPick, invalid, describedBy }: RecordingPickerProps) {
  const inputId = useId();
  const listId = useId();
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typed = text ?? "";
  const settled = useDebouncedValue(typed.trim(), 200);
  const search = useQuery({ ...searchQuery(settled, 20), enabled: open && settled !== "" });
  const hits = open && settled !== "" ? (search.data ?? []) : [];

  const pick = (hit: SearchHit) => {
    onPick(hit);
    setText(null);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((current) => (current + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === "Enter" && open && hits[active]) {
      event.preventDefault();
      pick(hits[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  let status: string | null = null;
  if (open && settled !== "") {
    if (search.isError) status = search.error.message;
    else if (search.isPending) status = "Searching…";
    else if (hits.length === 0) status = `No recording matches “${settled}”.`;
  }

  return (
    <div className={styles.field}>
      <label htmlFor={inputId}>Recording</label>
      <div className={styles.picker}>
        <input
          id={inputId}
          type="search"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits.length > 0 && hits[active] ? optionId(active) : undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          placeholder="Search by name, patient, cohort or session"
          value={text ?? chosenTitle}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setText(null);
          }}
        />
        <ul id={listId} role="listbox" aria-label="Search results" className={styles.options} hidden={hits.length === 0}>
          {hits.map((hit, index) => (
            <li
              key={hit.recordingId}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={styles.option}
              // Keeps the focus in the input, so its blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(hit)}
            >
              <span>{hitTitle(hit)}</span>
              <span className={styles.optionMeta}>{hitDescription(hit)}</span>
            </li>
          ))}
        </ul>
      </div>
      {status && (
        <p className={search.isError ? styles.problem : styles.hint} role="status">
          {status}
        </p>
      )}
    </div>
  );
}
