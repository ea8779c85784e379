/**
 * Clinical scales whose score ranges are fixed, so an out-of-range value is a
 * typing mistake rather than data. Keys are normalised column names with
 * underscores removed, so `PHQ-9`, `phq_9` and `phq9` all match `phq9`.
 */
export interface ClinicalScale {
  label: string;
  min: number;
  max: number;
  integer: boolean;
}

export const CLINICAL_SCALES: Readonly<Record<string, ClinicalScale>> = {
  phq9: { label: "PHQ-9", min: 0, max: 27, integer: true },
  gad7: { label: "GAD-7", min: 0, max: 21, integer: true },
  hamd: { label: "HAM-D", min: 0, max: 52, integer: true },
  hamd17: { label: "HAM-D 17", min: 0, max: 52, integer: true },
  madrs: { label: "MADRS", min: 0, max: 60, integer: true },
  bdi: { label: "BDI", min: 0, max: 63, integer: true },
  bdiii: { label: "BDI-II", min: 0, max: 63, integer: true },
  age: { label: "age", min: 0, max: 130, integer: false },
};

export function findClinicalScale(normalizedColumnName: string): ClinicalScale | undefined {
  const key = normalizedColumnName.replace(/_/g, "");
  return Object.hasOwn(CLINICAL_SCALES, key) ? CLINICAL_SCALES[key] : undefined;
}
