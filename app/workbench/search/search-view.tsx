"use client";

import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useRegisterCommands } from "../commands/commands-provider";
import { fuzzyMatch } from "../palette/fuzzy-match";
import { HighlightedText } from "../palette/highlighted-text";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { hitDescription, hitMatchText, hitTitle } from "./search-hit-text";
import { searchQuery } from "./search-queries";
import type { SearchHit } from "./search-types";
import styles from "./search.module.css";
import { useDebouncedValue } from "./use-debounced-value";

/** The route's maximum (MAX_SEARCH_LIMIT). */
const LIMIT = 200;

/**
 * The Search view: recordings by name, patient, session or cohort, asked for
 * once typing pauses. Down from the field moves into the results (a
 * listbox); Enter or a click opens one (Ctrl/Cmd to the side).
 */
export function SearchView() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [active, setActive] = useState(-1);
  const query = useDebouncedValue(text.trim(), 250);
  const search = useQuery(searchQuery(query, LIMIT));
  const navigation = useWorkbenchNavigation();
  const hits = query === "" ? [] : (search.data ?? []);
  const activeIndex = Math.min(active, hits.length - 1);

  useRegisterCommands(
    () => [
      {
        id: "search.clear",
        title: "Clear Search Results",
        category: "Search",
        when: (context) => context.sideBarView === "search",
        run: () => {
          setText("");
          setActive(-1);
          input.current?.focus();
        },
      },
    ],
    [],
  );

  const open = (hit: SearchHit, toSide: boolean, focusEditor: boolean) =>
    navigation.openRecording(hit.recordingId, hitTitle(hit), { group: toSide ? "side" : "active", focus: focusEditor });

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive(Math.min(hits.length - 1, activeIndex + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive(Math.max(-1, activeIndex - 1));
    } else if (event.key === "Enter") {
      const hit = hits[Math.max(0, activeIndex)];
      if (!hit) return;
      event.preventDefault();
      open(hit, mod, true);
    } else if (event.key === "Escape" && text !== "") {
      event.preventDefault();
      setText("");
      setActive(-1);
    }
  };

  let status: string | null = null;
  if (text.trim() === "") status = "Find recordings by file name, patient, session or cohort.";
  else if (search.isError) status = search.error.message;
  else if (query !== text.trim() || (search.isFetching && hits.length === 0)) status = "Searching…";
  else if (hits.length === 0) status = "No recordings match.";
  else status = hits.length >= LIMIT ? `The first ${LIMIT} results.` : `${hits.length} result${hits.length === 1 ? "" : "s"}.`;

  return (
    <div className={styles.view}>
      <input
        ref={input}
        type="search"
        className={styles.input}
        placeholder="Search recordings"
        aria-label="Search recordings"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-results`}
        aria-activedescendant={activeIndex >= 0 ? `${id}-hit-${activeIndex}` : undefined}
        aria-autocomplete="list"
        value={text}
        data-focus-target="search"
        data-testid="search-input"
        onChange={(event) => {
          setText(event.target.value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <p className={styles.status} role="status" data-testid="search-status">
        {status}
      </p>
      <ul id={`${id}-results`} role="listbox" aria-label="Search results" className={styles.results} data-testid="search-results">
        {hits.map((hit, index) => {
          const matchText = hitMatchText(hit);
          return (
            <li
              key={hit.recordingId}
              id={`${id}-hit-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={styles.hit}
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => {
                setActive(index);
                open(hit, event.ctrlKey || event.metaKey, false);
              }}
            >
              <span className={styles.hitName}>
                <HighlightedText text={hitTitle(hit)} ranges={fuzzyMatch(query, hitTitle(hit))?.ranges ?? []} />
              </span>
              <span className={styles.hitMeta}>{hitDescription(hit)}</span>
              {matchText && <span className={styles.hitMatch}>{matchText}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
