"use client";

import { useEffect, useRef } from "react";
import styles from "./notebooks.module.css";

/** A cell's text: grows with its lines, monospace, no spell checking (SQL and notes with code). */
export function CellTextArea({
  value,
  onChange,
  label,
  autoFocus,
  placeholder,
  code,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  autoFocus?: boolean;
  placeholder?: string;
  code?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const rows = Math.max(2, Math.min(30, value.split("\n").length + 1));
  return (
    <textarea
      ref={ref}
      className={code ? `${styles.text} ${styles.code}` : styles.text}
      aria-label={label}
      value={value}
      rows={rows}
      spellCheck={!code}
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
