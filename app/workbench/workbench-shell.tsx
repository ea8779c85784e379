"use client";

import { useState } from "react";
import type { RecordingSummary } from "./api-types";
import { ExplorerView } from "./explorer/explorer-view";
import { JobsPanel } from "./jobs/jobs-panel";
import { RecordingDetail } from "./recordings/recording-detail";
import { StatusBar } from "./status-bar";

/**
 * The VS Code-style frame: activity bar, side bar, editor area, panel and
 * status bar. Views arrive with their features; until then each area says
 * what will live there.
 */
const ACTIVITIES = [
  { id: "explorer", title: "Explorer", glyph: "E" },
  { id: "search", title: "Search", glyph: "S" },
  { id: "cohorts", title: "Cohorts", glyph: "C" },
  { id: "projections", title: "Projections", glyph: "P" },
  { id: "notebooks", title: "Notebooks", glyph: "N" },
  { id: "exports", title: "Exports", glyph: "X" },
  { id: "jobs", title: "Jobs", glyph: "J" },
] as const;

type ActivityId = (typeof ACTIVITIES)[number]["id"];

export function WorkbenchShell() {
  const [activity, setActivity] = useState<ActivityId>("explorer");
  const [openRecording, setOpenRecording] = useState<RecordingSummary | null>(null);
  const active = ACTIVITIES.find((entry) => entry.id === activity) ?? ACTIVITIES[0];

  return (
    <div className="workbench">
      <nav className="activity-bar" aria-label="Activity bar" role="tablist" aria-orientation="vertical">
        {ACTIVITIES.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            aria-selected={entry.id === activity}
            title={entry.title}
            aria-label={entry.title}
            className="activity-bar__item"
            onClick={() => setActivity(entry.id)}
          >
            {entry.glyph}
          </button>
        ))}
      </nav>
      <aside className="side-bar" aria-label={active.title}>
        <h2 className="side-bar__title">{active.title}</h2>
        {active.id === "explorer" ? (
          <ExplorerView selectedId={openRecording?.id ?? null} onOpen={setOpenRecording} />
        ) : (
          <p className="side-bar__empty">Nothing here yet.</p>
        )}
      </aside>
      <main className="editor-area" aria-label="Editor area">
        {openRecording ? (
          <RecordingDetail recording={openRecording} />
        ) : (
          <section className="welcome">
            <h1>Resonance</h1>
            <p>A research workbench for speech-emotion research.</p>
          </section>
        )}
      </main>
      <section className="panel" aria-label="Panel">
        <div className="panel__tabs" role="tablist">
          <span role="tab" aria-selected="true">
            Jobs
          </span>
          <span role="tab" aria-selected="false">
            Problems
          </span>
          <span role="tab" aria-selected="false">
            Output
          </span>
        </div>
        <div className="panel__body" role="tabpanel" aria-label="Jobs">
          <JobsPanel />
        </div>
      </section>
      <StatusBar />
    </div>
  );
}
