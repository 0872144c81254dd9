/*
 * Which field the counter's on-screen keypad types into. The keypad stands in its own place on the screen
 * (beside the product grid or the pay panel: src/features/sale/counter-layout.tsx), apart from the forms
 * whose fields it fills, so a field that takes numbers registers itself here while it is on screen: the
 * newest registered, or the one the cashier last focused, is the keypad's field. UI state only, in memory.
 */
import { useEffect, type RefObject } from 'react';
import { create } from 'zustand';

export interface KeypadTarget {
  readonly element: HTMLInputElement;
  /** The field's decimal separator, or null for whole numbers. */
  readonly decimalSeparator: string | null;
  /** What the field is ("Cash given"), said above the keys. */
  readonly label: string;
  /** What its form's Enter does ("Add"). */
  readonly enterLabel: string;
}

interface KeypadTargetState {
  /** Registered fields, the keypad's last. */
  readonly targets: readonly KeypadTarget[];
  register: (target: KeypadTarget) => () => void;
  /** Makes a registered field the keypad's (it got focus). */
  activate: (element: HTMLInputElement) => void;
}

export const useKeypadTargetStore = create<KeypadTargetState>()((set) => ({
  targets: [],
  register: (target) => {
    set((state) => ({ targets: [...state.targets.filter((each) => each.element !== target.element), target] }));
    return () => set((state) => ({ targets: state.targets.filter((each) => each !== target) }));
  },
  activate: (element) =>
    set((state) => {
      const target = state.targets.find((each) => each.element === element);
      if (target === undefined || state.targets.at(-1) === target) return state;
      return { targets: [...state.targets.filter((each) => each !== target), target] };
    }),
}));

/** The field the keypad types into, or null when no field on screen takes it. */
export function useKeypadField(): KeypadTarget | null {
  return useKeypadTargetStore((state) => state.targets.at(-1) ?? null);
}

/** Registers the input behind `ref` with the keypad while the calling component is mounted and `enabled` holds. */
export function useKeypadTarget(ref: RefObject<HTMLInputElement | null>, options: Omit<KeypadTarget, 'element'>, enabled = true): void {
  const { decimalSeparator, label, enterLabel } = options;
  useEffect(() => {
    const element = ref.current;
    if (!enabled || element === null) return undefined;
    const unregister = useKeypadTargetStore.getState().register({ element, decimalSeparator, label, enterLabel });
    const onFocus = () => useKeypadTargetStore.getState().activate(element);
    element.addEventListener('focus', onFocus);
    return () => {
      element.removeEventListener('focus', onFocus);
      unregister();
    };
  }, [ref, enabled, decimalSeparator, label, enterLabel]);
}
