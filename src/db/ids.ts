/** A new random row id. Client-generated so a form can hold its id before saving (idempotent saves). */
export function newId(): string {
  return crypto.randomUUID();
}
