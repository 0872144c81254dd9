/**
 * The key a button answers to on a counter PC, shown inside the button ("Thanh toán F9"). Hidden from
 * screen readers, which hear the button's aria-keyshortcuts instead, and from touch-only tablets
 * (src/ui/theme.css).
 */
export function ShortcutHint({ keyName }: { readonly keyName: string }) {
  return (
    <kbd className="shortcut" aria-hidden="true">
      {keyName === 'Escape' ? 'Esc' : keyName}
    </kbd>
  );
}
