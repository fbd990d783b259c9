// Maps a service page to the GraphQL connection shape.
import type { SecretPage } from '../services/secret-listing.js';

export function toConnection(page: SecretPage) {
  return {
    edges: page.rows.map((node) => ({ cursor: page.cursorOf(node), node })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
