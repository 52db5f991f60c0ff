import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/common';
import { AppModule } from './app.module.js';
import { createOpenApiDocument } from './http/openapi.js';

// Writes the OpenAPI document to the file named by the first argument, without a database: in preview
// mode Nest builds the module graph but constructs no provider, and the document needs only the
// controllers' decorators. The configuration is the defaults (an empty environment), so the file does
// not depend on the machine that wrote it.
const [file] = process.argv.slice(2);
if (!file) throw new Error('Usage: node openapi.js <file>');
const app = await NestFactory.create(AppModule.forRoot(loadConfig({})), { preview: true, logger: false });
writeFileSync(file, JSON.stringify(createOpenApiDocument(app), null, 2) + '\n');
