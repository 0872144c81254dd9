/*
 * The ways to pay, gathered from the features: every src/features/<x>/tenders.ts exports its `tenderForms`
 * (see src/ui/tender-form.ts), and Vite's glob import finds them at build time, so a feature that adds a
 * tender (gift-card sales, a bank-notified QR) plugs in without an edit to the pay panel or here.
 */
import type { TenderForm, TenderFormModule } from '../ui/tender-form.ts';

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

export const tenderForms = buildTenderRegistry(import.meta.glob<TenderFormModule>('../features/*/tenders.ts', { eager: true }));
