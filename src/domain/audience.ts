import { z } from 'zod';

/** A clause of a regulation: document slug and anchor id. */
export const clauseRefSchema = z.object({
  doc: z.string().min(1),
  anchor: z.string().regex(/^[a-z0-9-]+$/),
});
export type ClauseRef = z.infer<typeof clauseRefSchema>;

/** An audience of the home page (content/audiences.json): who, in plain words, and where the regulations speak to them. */
export const audienceSchema = z.object({
  id: z.string().regex(/^[a-z-]+$/),
  title: z.string().min(3),
  summary: z.string().min(10),
  /** Plain-language paragraphs before the list of clauses. */
  intro: z.array(z.string().min(10)).min(1),
  /** What the regulations say to this audience, topic by topic. */
  topics: z.array(z.object({ title: z.string().min(3), refs: z.array(clauseRefSchema).min(1) })).min(1),
});
export type Audience = z.infer<typeof audienceSchema>;

export const audiencesSchema = z.array(audienceSchema).min(1);
