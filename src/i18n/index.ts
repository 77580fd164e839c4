import fr from './fr.json';
import { createT } from '../lib/i18n';

/** The site speaks French: one flat dictionary. */
export const t = createT(fr);
export type UiKey = keyof typeof fr;
