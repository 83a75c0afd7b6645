import { indexPartRoute } from '../../../search-content.ts';

/** One shard of the search postings: stem → sections. */
export const { getStaticPaths, GET } = indexPartRoute('shards');
