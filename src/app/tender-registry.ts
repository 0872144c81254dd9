/*
 * The ways to pay, gathered from the features: every src/features/<x>/tenders.ts exports its `tenderForms`
 * (see src/ui/tender-form.ts), and Vite's glob import finds them at build time, so a feature that adds a
 * tender (gift-card sales, a bank-notified QR) plugs in without an edit to the pay panel or here. The forms
 * are loaded lazily (the shell starts it after its first paint), so they add nothing to the first download.
 */
import { tenderFormsFrom, type TenderForm, type TenderFormModule } from '../ui/tender-form.ts';

/** Checks the features' tender forms (one id each) and puts them in tab order. */
export function buildTenderRegistry(modules: Readonly<Record<string, TenderFormModule>>): readonly TenderForm[] {
  const owners = new Map<string, string>();
  const forms: TenderForm[] = [];
  for (const [file, module] of Object.entries(modules).sort(([a], [b]) => a.localeCompare(b))) {
    for (const form of module.tenderForms) {
      const owner = owners.get(form.id);
      if (owner !== undefined) throw new Error(`Two tender forms claim the id ${form.id}: ${owner} and ${file}.`);
      owners.set(form.id, file);
      forms.push(form);
    }
  }
  return forms.sort((a, b) => a.order - b.order);
}

const tenderModules = import.meta.glob<TenderFormModule>('../features/*/tenders.ts');

/** Every feature's tender forms, loaded on demand: they stay out of the shell's first download. */
export const tenderForms = tenderFormsFrom(async () => {
  const entries = await Promise.all(Object.entries(tenderModules).map(async ([file, load]) => [file, await load()] as const));
  return buildTenderRegistry(Object.fromEntries(entries));
});
