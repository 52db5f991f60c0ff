import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document at /api/docs-json and its UI at /api/docs. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** The document itself: served by the app, and written by `npm run openapi` for the web client and integrators. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Next of Kin')
    .setDescription(
      'Requests about the online account of someone who has died or become incapacitated. ' +
        'Errors are RFC 9457 problem details (application/problem+json).',
    )
    .setVersion('1')
    // Proprietary, as package.json says: no licence is granted, and the link defines that term.
    .setLicense(
      'UNLICENSED (proprietary: all rights reserved)',
      'https://docs.npmjs.com/cli/configuring-npm/package-json#license',
    )
    // Relative: the API, this document and the web UI share one origin, whatever host deploys them.
    .addServer('/', 'The origin that serves this document')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'The access token returned once when the request was made' },
      'requester-token',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'A back-office session token from POST /api/v1/auth/login' },
      'session',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'An API key (nok_key_…) with the scope the operation names' },
      'api-key',
    )
    .build();
  return withBodyLimit(SwaggerModule.createDocument(app, config));
}

/** Every JSON body passes the body parser first, whose size limit answers 413 on any such route. */
function withBodyLimit(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.put, path.post, path.patch, path.delete]) {
      const body = operation?.requestBody;
      if (!operation || !body || !('content' in body) || !('application/json' in body.content)) continue;
      operation.responses['413'] ??= {
        description: 'The body is larger than the server accepts (64 KiB of JSON)',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsSchema' } } },
      };
    }
  }
  return document;
}
