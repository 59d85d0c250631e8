import { z } from 'zod';
import { isIsoDate } from '../util/dates';

/** An entity id: the demo uses readable ids (A01, R01); new entities get a random one. */
export const Id = z.string().trim().min(1, 'Een id mag niet leeg zijn.').max(64, 'Een id is hoogstens 64 tekens.');
/** A code from one of the document's vocabularies (checked against the document by the core). */
export const Code = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'Een code bestaat uit hoofdletters, cijfers en _ (bv. WELZIJN).')
  .max(64);
export const Codes = z.array(Code).default([]);
export const IsoDate = z.string().refine(isIsoDate, { message: 'Geen geldige datum (verwacht JJJJ-MM-DD).' });
export const OptDate = IsoDate.nullable().default(null);
export const Text = z.string().trim().max(4000, 'Tekst is te lang (hoogstens 4000 tekens).');
export const OptText = Text.nullable().default(null);
export const Name = z.string().trim().min(1, 'Naam is verplicht.').max(300, 'Naam is te lang (hoogstens 300 tekens).');
/** Free-form fields kept from imports or added by a municipality. */
export const Custom = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({});
