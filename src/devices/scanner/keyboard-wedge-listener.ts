/*
 * The DOM edge of keyboard-wedge scanning: listens to every keydown in the capture phase, whatever has
 * focus, feeds the pure detector (wedge-detector.ts, whose header explains the strategy) and carries out
 * its verdicts on the focused field:
 *   - a key that may open a burst: remember the field's value and selection before the key lands;
 *   - a suppressed key: preventDefault and stopPropagation, so neither the field nor the app's own key
 *     handlers (a form's Enter, a shortcut) see a key that belongs to a scan;
 *   - a scan: put the field back as it was (whatever of the burst got in, and whatever a Vietnamese input
 *     method did with it), then hand the code over; the terminator is suppressed, so Enter submits
 *     nothing and Tab moves no focus;
 *   - a release (a fast person, not a scanner): type the held characters at the caret, with an input
 *     event so React's onChange sees them;
 *   - a timer for deadline(), so held keys come back when a person stops typing.
 * Field edits go through setRangeText (or the prototype's value setter) and an input event: assigning
 * `.value` on the element would update React's value tracker and React would miss the change.
 */
import { createWedgeDetector } from './wedge-detector.ts';
import type { WedgeEvent, WedgeOptions } from './wedge-detector.ts';

export type WedgeScannerOptions = Partial<WedgeOptions>;

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** The field as it was before a burst started typing into it. */
interface FieldSnapshot {
  readonly field: TextField;
  readonly value: string;
  readonly selectionStart: number | null;
  readonly selectionEnd: number | null;
}

/** The element that has focus, looking inside shadow roots (a web component's inner input). */
function focusedElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function asTextField(element: Element | null): TextField | null {
  if (element === null) return null;
  const view = element.ownerDocument.defaultView;
  if (view === null) return null;
  if (element instanceof view.HTMLTextAreaElement) return element;
  if (element instanceof view.HTMLInputElement && !element.readOnly && !element.disabled) return element;
  return null;
}

/** selectionStart is null on inputs without a caret API (type=number, email): setRangeText would throw there. */
function hasCaret(field: TextField): boolean {
  return field.selectionStart !== null;
}

/** Sets the value past React's value tracker (it sits on the element itself), so the input event that follows reaches onChange. */
function setValueLikeTyping(field: TextField, value: string): void {
  const nativeSetter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  if (nativeSetter === undefined) field.value = value;
  else nativeSetter.call(field, value);
}

function dispatchInput(field: TextField, inputType: string, data: string | null): void {
  const view = field.ownerDocument.defaultView;
  const InputEventClass = view?.InputEvent ?? InputEvent;
  field.dispatchEvent(new InputEventClass('input', { bubbles: true, inputType, data }));
}

/** Puts the field back as it was before the burst. */
function restore(snapshot: FieldSnapshot): void {
  const { field } = snapshot;
  if (field.value !== snapshot.value) {
    if (hasCaret(field)) field.setRangeText(snapshot.value, 0, field.value.length, 'end');
    else setValueLikeTyping(field, snapshot.value);
    dispatchInput(field, 'insertReplacementText', null);
  }
  if (hasCaret(field) && snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    field.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
  }
}

/** How long after a scan an input method may still commit what it composed from the scan's keys. */
const IME_SETTLE_MS = 100;

/**
 * An input method commits its composition after the terminator's keydown (Enter during composition is
 * key "Process"), i.e. after the field was restored; for a moment after a scan, composition edits to the
 * field are undone as well.
 */
function undoLateComposition(snapshot: FieldSnapshot): void {
  const { field } = snapshot;
  const onComposed = (event: Event) => {
    const inputType = event instanceof InputEvent ? event.inputType : '';
    const composing = event.type === 'compositionend' || (event instanceof InputEvent && event.isComposing) || /Composition/.test(inputType);
    if (composing) restore(snapshot);
  };
  field.addEventListener('input', onComposed);
  field.addEventListener('compositionend', onComposed);
  setTimeout(() => {
    field.removeEventListener('input', onComposed);
    field.removeEventListener('compositionend', onComposed);
  }, IME_SETTLE_MS);
}

/** Types held-back characters at the caret, as the keys would have. */
function typeInto(field: TextField, text: string): void {
  if (hasCaret(field)) {
    field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  } else {
    // No caret API: the caret of a number field is at the end in practice.
    setValueLikeTyping(field, field.value + text);
  }
  dispatchInput(field, 'insertText', text);
}

/**
 * Starts telling scanner bursts from typing on `target` (the window, or a document). `onScan` gets each
 * scanned code, prefix and suffix removed. Returns the function that stops listening.
 */
export function attachWedgeScanner(target: Window | Document, options: WedgeScannerOptions, onScan: (code: string) => void): () => void {
  const doc = 'document' in target ? target.document : target;
  const view = doc.defaultView ?? window;
  const detector = createWedgeDetector(options);
  let snapshot: FieldSnapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Restores/releases into the field the burst started in when it is still on the page, else the focused one. */
  function burstField(): TextField | null {
    if (snapshot !== null && snapshot.field.isConnected) return snapshot.field;
    return asTextField(focusedElement(doc));
  }

  /** Carries out what the detector settled; returns the scanned codes, to be handed over last. */
  function apply(events: readonly WedgeEvent[]): string[] {
    const codes: string[] = [];
    for (const event of events) {
      if (event.type === 'scan') {
        if (snapshot !== null && snapshot.field.isConnected) {
          restore(snapshot);
          undoLateComposition(snapshot);
        }
        codes.push(event.code);
      } else {
        const field = burstField();
        if (field === null) console.debug('wedge scanner: held keys had no text field to go back to', { text: event.text });
        else typeInto(field, event.text);
      }
      snapshot = null;
    }
    return codes;
  }

  function handOver(codes: readonly string[]): void {
    for (const code of codes) onScan(code);
  }

  function armTimer(armedAt: number): void {
    clearTimeout(timer);
    timer = undefined;
    const deadline = detector.deadline();
    if (deadline === null) return;
    // Event timeStamps and timers share no clock in every environment, so the timer measures the delay
    // from the key that armed it and tells the detector that its deadline has come.
    timer = setTimeout(() => {
      timer = undefined;
      handOver(apply(detector.idle(deadline)));
      armTimer(deadline);
    }, Math.max(0, deadline - armedAt));
  }

  function onKeyDown(event: KeyboardEvent): void {
    const verdict = detector.key(event);
    if (verdict.suppress) {
      event.preventDefault();
      event.stopPropagation();
    }
    const codes = apply(verdict.events);
    if (verdict.startsBurst) {
      const field = asTextField(focusedElement(doc));
      snapshot = field === null ? null : { field, value: field.value, selectionStart: field.selectionStart, selectionEnd: field.selectionEnd };
    }
    armTimer(event.timeStamp);
    handOver(codes);
  }

  /** Focus left the window mid-burst: whatever was held back was a person's typing. */
  function onBlur(): void {
    clearTimeout(timer);
    timer = undefined;
    handOver(apply(detector.reset()));
  }

  // Capture phase on the window (or document): before any field or React handler sees the key.
  const keys: EventTarget = target;
  const listener = onKeyDown as EventListener;
  keys.addEventListener('keydown', listener, { capture: true });
  view.addEventListener('blur', onBlur);
  return () => {
    keys.removeEventListener('keydown', listener, { capture: true });
    view.removeEventListener('blur', onBlur);
    clearTimeout(timer);
    const dropped = detector.reset();
    // The screen is going away: held keys have no field to return to that still matters.
    if (dropped.length > 0) console.debug('wedge scanner detached mid-burst; held keys dropped', dropped);
  };
}
