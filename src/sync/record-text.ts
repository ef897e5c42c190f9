import { recordMarker } from './crm-adapter';

/**
 * Record text as the HTML both CRMs show (Pipedrive note content and HubSpot bodies are HTML):
 * every character of Margin's text escaped, lines kept, and the marker line that lets a lost
 * answer be found again (see CrmAdapter.findRecord).
 */
export function recordHtml(text: string, localId: string): string {
  const lines = text.split('\n').map(escapeHtml);
  return `${lines.join('<br>')}<br><small>Logged with Margin · ${escapeHtml(recordMarker(localId))}</small>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** `2026-05-12 09:30:00` in UTC (Pipedrive's `add_time`). */
export function utcDateTime(at: number): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}
