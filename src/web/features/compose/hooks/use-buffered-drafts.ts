import { useQuery } from '@tanstack/react-query';
import type { DraftBuffer } from '../utils/draft-store';

/**
 * Drafts this browser still holds that have not reached a Drafts folder (written offline, or without a From), apart
 * from the one on screen: compose lists them so a closed tab never means lost work. Read again on every visit.
 */
export function useBufferedDrafts(buffer: DraftBuffer | null, ownerId: string, currentId: string | undefined) {
  return useQuery({
    queryKey: ['compose', 'buffered', ownerId],
    queryFn: () => buffer!.list(),
    enabled: buffer !== null,
    staleTime: 0,
    gcTime: 0,
    meta: { errorHandling: 'local' },
    select: (drafts) => drafts.filter((d) => d.id !== currentId).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
  });
}
