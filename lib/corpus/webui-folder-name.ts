/**
 * The emotion2vec+ WebUI names each run's folder `outputs_YYYYMMDD_HHMMSS`
 * from the clock of the researcher's machine, with no time zone. The
 * timestamp is therefore returned as its components in ISO form without a
 * zone ("2024-03-05T14:30:12"): turning it into a Date would invent one.
 */
const FOLDER_NAME = /^outputs_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/;

/** `2024-03-05T14:30:12` (local time of the machine that ran the WebUI), or null if the name does not match or is no real date and time. */
export function parseWebUiFolderTimestamp(name: string): string | null {
  const match = FOLDER_NAME.exec(name);
  if (!match) return null;
  const [, year = "", month = "", day = "", hour = "", minute = "", second = ""] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const validDay = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  if (!validDay || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}

export function isWebUiOutputFolderName(name: string): boolean {
  return parseWebUiFolderTimestamp(name) !== null;
}
