/**
 * A USB scanner reading a passbook's QR code "types" the number and Enter faster than any person.
 * One keydown listener, attached when the script loads (before any page mounts, so the first scan
 * after a page load arrives whole), tells such a burst from typing by the gaps between keys and
 * hands it to the counter as one scan, wherever the focus was. The characters the burst left in a
 * field are taken out again, and its Enter submits nothing.
 */
import { cleanPassbookNo } from './passbook-no';

/**
 * Scanners send a key every few ms; people rarely type two keys less than this apart. The median
 * gap is judged, so one key held up by a busy page (a render, a slow answer) does not spoil a scan.
 */
export const SCAN_GAP_MS = 35;
/** A longer pause ends a run of keys: what was typed before it is not part of the scan. */
const RUN_BREAK_MS = 300;
/** A scan nobody listened for (the counter was still loading) is delivered this long after. */
const PENDING_MS = 5_000;
const PASSBOOK_RE = /^[VH][0-9A-Z]{7}$/;
const PASSBOOK_LENGTH = 8;

interface BurstKey {
  char: string;
  target: EventTarget | null;
  at: number;
}

let run: BurstKey[] = [];
const listeners = new Set<(passbookNo: string) => void>();
let pending: { passbookNo: string; at: number } | null = null;

function isTextField(t: EventTarget | null): t is HTMLInputElement | HTMLTextAreaElement {
  return t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement;
}

/** Takes the burst's characters back out of the fields they landed in (the scan replaces them). */
function removeFromFields(keys: BurstKey[]): void {
  const fields = new Map<HTMLInputElement | HTMLTextAreaElement, string>();
  for (const k of keys) {
    if (isTextField(k.target)) {
      fields.set(k.target, (fields.get(k.target) ?? '') + k.char);
    }
  }
  for (const [field, typed] of fields) {
    if (field.value.toUpperCase().endsWith(typed.toUpperCase())) {
      field.value = field.value.slice(0, field.value.length - typed.length);
      // Controlled inputs (Preact) learn the new value from the input event.
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
}

function deliver(passbookNo: string): void {
  if (listeners.size === 0) {
    pending = { passbookNo, at: Date.now() };
    return;
  }
  listeners.forEach((fn) => fn(passbookNo));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) {
    run = [];
    return;
  }
  const at = e.timeStamp;
  const lastAt = run.length ? run[run.length - 1].at : -Infinity;
  if (e.key === 'Enter') {
    const keys = run;
    run = [];
    if (keys.length < PASSBOOK_LENGTH || at - lastAt > RUN_BREAK_MS) {
      return;
    }
    // A QR code may hold an address ending in the number: the number is the last 8 characters.
    const tail = keys.slice(-PASSBOOK_LENGTH);
    const passbookNo = cleanPassbookNo(tail.map((k) => k.char).join(''));
    const times = [...tail.map((k) => k.at), at];
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    if (!PASSBOOK_RE.test(passbookNo) || median(gaps) >= SCAN_GAP_MS) {
      // Typing, or a coupon code scanned into the coupon box: left to the page as it is.
      return;
    }
    if (listeners.size === 0 && keys.some((k) => isTextField(k.target))) {
      // No counter on this page (a volunteer scanning into the login box): ordinary input.
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    removeFromFields(keys);
    deliver(passbookNo);
    return;
  }
  if (e.key.length !== 1) {
    // Scanners press Shift for capitals; any other key (Tab, arrows) ends the run.
    if (e.key !== 'Shift') {
      run = [];
    }
    return;
  }
  if (at - lastAt > RUN_BREAK_MS) {
    run = [];
  }
  run.push({ char: e.key, target: e.target, at });
  if (run.length > 64) {
    run = run.slice(-64);
  }
}

/** Attached once, at load; safe to import more than once. */
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', onKeyDown, true);
}

/** Calls `fn` with every scanned passbook number (and with one scanned just before it subscribed). */
export function onScan(fn: (passbookNo: string) => void): () => void {
  listeners.add(fn);
  if (pending && Date.now() - pending.at < PENDING_MS) {
    const { passbookNo } = pending;
    pending = null;
    setTimeout(() => fn(passbookNo), 0);
  }
  pending = null;
  return () => {
    listeners.delete(fn);
  };
}
