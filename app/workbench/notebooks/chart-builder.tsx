"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { buildChartData } from "@/lib/domain/notebook/chart/chart-data";
import { isChartProblem } from "@/lib/domain/notebook/chart/chart-data-types";
import { chartHeightFor } from "@/lib/domain/notebook/chart/chart-layout";
import { renderChartSvg } from "@/lib/domain/notebook/chart/chart-svg";
import { type ChartSpecChange, editChartSpec } from "@/lib/domain/notebook/chart/edit-chart-spec";
import type { ChartAggregate, ChartSpec, ChartType, NotebookTableColumn, NotebookTableValue } from "@/lib/domain/notebook/notebook-cell";
import styles from "./chart-builder.module.css";

const TYPE_OPTIONS: ReadonlyArray<{ value: ChartType; label: string }> = [
  { value: "bar", label: "Bar" },
  { value: "line", label: "Line" },
  { value: "scatter", label: "Scatter" },
  { value: "box", label: "Box plot" },
];

const AGGREGATE_OPTIONS: ReadonlyArray<{ value: ChartAggregate; label: string }> = [
  { value: "sum", label: "Sum" },
  { value: "mean", label: "Mean" },
  { value: "count", label: "Count" },
  { value: "none", label: "None (each row)" },
];

const NONE = "";

function ToolbarSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const id = useId();
  // A separate <label for> rather than a wrapping label keeps the accessible name exactly `label`.
  return (
    <span className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </span>
  );
}

/** Options for a column field; a spec naming a column the result no longer has keeps it, marked, so the choice is visible. */
function ColumnOptions({ columns, value, none }: { columns: readonly NotebookTableColumn[]; value: string | undefined; none: boolean }) {
  const missing = value !== undefined && value !== NONE && !columns.some((column) => column.name === value);
  return (
    <>
      {none && <option value={NONE}>—</option>}
      {missing && <option value={value}>{value} (not in result)</option>}
      {columns.map((column) => (
        <option key={column.name} value={column.name}>
          {column.name}
        </option>
      ))}
    </>
  );
}

/** The chart cell's toolbar: chart type, x, y, colour, facet and (bars and lines) aggregate. */
export function ChartBuilder({ columns, value, onChange }: { columns: NotebookTableColumn[]; value: ChartSpec; onChange(spec: ChartSpec): void }) {
  const change = (next: ChartSpecChange) => onChange(editChartSpec(value, next, columns));
  const aggregated = value.type === "bar" || value.type === "line";
  return (
    <div className={styles.toolbar} role="group" aria-label="Chart settings">
      <ToolbarSelect label="Chart type" value={value.type} onChange={(type) => change({ field: "type", value: type as ChartType })}>
        {TYPE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </ToolbarSelect>
      <ToolbarSelect label="X" value={value.x} onChange={(x) => change({ field: "x", value: x })}>
        {value.x === NONE && <option value={NONE}>Choose…</option>}
        <ColumnOptions columns={columns} value={value.x} none={false} />
      </ToolbarSelect>
      <ToolbarSelect label="Y" value={value.y ?? NONE} onChange={(y) => change({ field: "y", value: y })}>
        <ColumnOptions columns={columns} value={value.y} none={aggregated} />
      </ToolbarSelect>
      <ToolbarSelect label="Colour" value={value.colour ?? NONE} onChange={(colour) => change({ field: "colour", value: colour })}>
        <ColumnOptions columns={columns} value={value.colour} none />
      </ToolbarSelect>
      <ToolbarSelect label="Facet" value={value.facet ?? NONE} onChange={(facet) => change({ field: "facet", value: facet })}>
        <ColumnOptions columns={columns} value={value.facet} none />
      </ToolbarSelect>
      {aggregated && (
        <ToolbarSelect label="Aggregate" value={value.aggregate} onChange={(aggregate) => change({ field: "aggregate", value: aggregate as ChartAggregate })}>
          {AGGREGATE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </ToolbarSelect>
      )}
    </div>
  );
}

/** Width of `element`'s content box, followed as it resizes; 0 until measured. */
function useMeasuredWidth(element: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const measure = () => setWidth(Math.floor(target.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/** The chart `spec` draws from a result table, as SVG, or the reason it cannot be drawn. */
export function ChartView({
  columns,
  rows,
  spec,
  theme,
}: {
  columns: NotebookTableColumn[];
  rows: NotebookTableValue[][];
  spec: ChartSpec;
  theme: "light" | "dark";
}) {
  const container = useRef<HTMLDivElement>(null);
  const width = useMeasuredWidth(container);
  const data = useMemo(() => buildChartData(columns, rows, spec), [columns, rows, spec]);
  const svg = useMemo(() => {
    if (isChartProblem(data) || width === 0) return "";
    return renderChartSvg(data, spec, { width, height: chartHeightFor(data.facets.length, width), theme });
  }, [data, spec, width, theme]);

  return (
    <div ref={container} className={styles.view}>
      {isChartProblem(data) ? (
        <p className={styles.problem} role="alert">
          {data.problem}
        </p>
      ) : (
        <>
          {/* renderChartSvg escapes every label and emits no scripts or links. */}
          <div className={styles.chart} data-testid="notebook-chart" dangerouslySetInnerHTML={{ __html: svg }} />
          {data.skippedRows > 0 && (
            <p className={styles.note}>
              {data.skippedRows} {data.skippedRows === 1 ? "row" : "rows"} left out: a value the chart needs was empty or not a number.
            </p>
          )}
        </>
      )}
    </div>
  );
}
