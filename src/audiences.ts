import raw from '../content/audiences.json';
import { audiencesSchema } from './domain/audience.ts';

/** The home page's audiences (content/audiences.json), validated. */
export const audiences = audiencesSchema.parse(raw);
