import request from 'supertest';
import type { App } from 'supertest/types.js';
import { pdf, validRequest } from './fixtures.js';

export interface SubmittedRequest {
  reference: string;
  accessToken: string;
}

/** The four documents a German release needs (domain.md §2), as tiny PDFs. */
export const GERMAN_RELEASE_DOCUMENTS = ['DEATH_CERTIFICATE', 'DECEASED_ID', 'INHERITANCE_CERTIFICATE', 'REQUESTER_ID'];

/** A family submits a German release (with `overrides`) and sends its four documents: ready for review. */
export async function germanReleaseWithDocuments(
  http: App,
  overrides: Record<string, unknown> = {},
): Promise<SubmittedRequest> {
  const created = (await request(http).post('/api/v1/requests').send(validRequest(overrides)).expect(201))
    .body as SubmittedRequest;
  for (const type of GERMAN_RELEASE_DOCUMENTS) {
    await request(http)
      .post(`/api/v1/requests/${created.reference}/documents`)
      .set('Authorization', `Bearer ${created.accessToken}`)
      .field('type', type)
      .attach('file', pdf(type), 'scan.pdf')
      .expect(201);
  }
  return created;
}
