import { indexPartRoute } from '../../../search-content.ts';

/** One chunk of section texts, for the excerpts of results. */
export const { getStaticPaths, GET } = indexPartRoute('chunks');
