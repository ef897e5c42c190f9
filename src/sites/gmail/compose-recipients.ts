import type { Addressee } from '../../model/page-context';
import { normaliseEmailAddress } from '../email-address';
import { normalisePageText, visibleText } from '../visible-text';
import { isInReceivedMessage } from './received-message';
import { gmailSelectors } from './selectors';

export interface ComposeWindow {
  root: Element;
  to: Addressee[];
  cc: Addressee[];
  bcc: Addressee[];
}

const MAX_RECIPIENTS = 500;

/**
 * Every compose window on the page (new message dialogs, pop-outs, inline replies), each with the
 * recipients its chips hold. A typed address is not a recipient until Gmail turns it into a chip.
 */
export function readComposeWindows(document: Document): ComposeWindow[] {
  const windows = new Map<Element, ComposeWindow>();
  const windowOf = (field: Element): ComposeWindow | null => {
    // An email can carry a look-alike compose window in its body; only Gmail's own counts.
    if (isInReceivedMessage(field)) return null;
    const root = composeRootOf(field);
    if (!root) return null;
    let found = windows.get(root);
    if (!found) {
      found = { root, to: [], cc: [], bcc: [] };
      windows.set(root, found);
    }
    return found;
  };

  for (const field of document.querySelectorAll(gmailSelectors.composeField)) {
    const window = windowOf(field);
    const list = window && listOf(window, field.getAttribute(gmailSelectors.composeFieldNameAttribute));
    if (list) for (const chip of readChips(field)) push(list, chip);
  }
  for (const input of document.querySelectorAll<HTMLInputElement>(gmailSelectors.composeHiddenField)) {
    const window = windowOf(input);
    const list = window && listOf(window, input.getAttribute('name'));
    if (list) for (const addressee of parseAddressList(input.value)) push(list, addressee);
  }
  return [...windows.values()].sort((a, b) => (a.root.compareDocumentPosition(b.root) & 4 /* FOLLOWING */ ? -1 : 1));
}

/**
 * The compose window the user is working in: the one holding the focus, else the last in the
 * document (Gmail adds new dialogs after older ones, and after the conversation's inline reply).
 */
export function activeComposeWindow(windows: readonly ComposeWindow[], document: Document): ComposeWindow | undefined {
  const focused = document.activeElement;
  return (focused && windows.find((window) => window.root.contains(focused))) || windows.at(-1);
}

function composeRootOf(field: Element): Element | null {
  for (const selector of gmailSelectors.composeRoot) {
    const root = field.closest(selector);
    if (root) return root;
  }
  return null;
}

function listOf(window: ComposeWindow, field: string | null): Addressee[] | null {
  if (field === 'to') return window.to;
  if (field === 'cc') return window.cc;
  if (field === 'bcc') return window.bcc;
  return null;
}

function push(list: Addressee[], addressee: Addressee): void {
  if (list.length >= MAX_RECIPIENTS || list.some((other) => other.email === addressee.email)) return;
  list.push(addressee);
}

function readChips(field: Element): Addressee[] {
  const chips: Addressee[] = [];
  // A chip's inner parts may repeat its address; `push` keeps one per address.
  for (const chip of field.querySelectorAll(gmailSelectors.composeChip.join(', '))) {
    const email = chipAddress(chip);
    if (!email) continue;
    const name = chipName(chip, field);
    push(chips, { email, ...(name && name !== email ? { name } : {}) });
  }
  return chips;
}

function chipAddress(chip: Element): string | null {
  for (const attribute of gmailSelectors.composeChipAddressAttributes) {
    const address = normaliseEmailAddress(chip.getAttribute(attribute));
    if (address) return address;
  }
  return null;
}

/** `[role=option][data-name]` on the chip or around it (never the field's own `name="to"`). */
function chipName(chip: Element, field: Element): string {
  for (let current: Element | null = chip; current && current !== field; current = current.parentElement) {
    for (const attribute of gmailSelectors.composeChipNameAttributes) {
      const name = normalisePageText(current.getAttribute(attribute) ?? '');
      if (name) return name;
    }
  }
  const text = visibleText(chip);
  return normaliseEmailAddress(text) ? '' : text;
}

/** "Priya Raman <priya@x.example>, jonas@y.example" → addressees (what old hidden inputs hold). */
export function parseAddressList(value: string): Addressee[] {
  const found: Addressee[] = [];
  for (const part of value.slice(0, 20_000).match(/(?:"[^"]*"|[^,])+/g) ?? []) {
    const angle = /^(.*)<([^<>]+)>\s*$/.exec(part.trim());
    const email = normaliseEmailAddress(angle ? angle[2] : part);
    const name = normalisePageText((angle?.[1] ?? '').replaceAll('"', ''));
    if (email) found.push({ email, ...(name ? { name } : {}) });
  }
  return found;
}
