const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text made inert for HTML element content and for quoted attribute values:
 * cell sources, SQL results and error messages are the researcher's data and
 * may hold `<script>` or `</table>`, which must show as text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
