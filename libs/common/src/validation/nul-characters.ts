import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { DomainException } from '../errors/domain-exception.js';

/** The paths (`requester.fullName`, `items[2]`) of every string under `value` that holds U+0000. */
export function nulCharacterPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  if (Array.isArray(value))
    return value.flatMap((item: unknown, index) => nulCharacterPaths(item, `${path}[${String(index)}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(key.includes('\u0000') ? [path ? `${path}.${key}` : key] : []),
      ...nulCharacterPaths(item, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}

/**
 * PostgreSQL text cannot hold U+0000 (and no person types it), so a body, query or path value
 * carrying one is refused as invalid input before it can reach a query and fail there as a 500.
 */
@Injectable()
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Only what the client sent: not the caller, the staged file or other values our decorators make.
    if (metadata.type === 'custom') return value;
    const paths = nulCharacterPaths(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (paths.length > 0) {
      throw DomainException.invalid(
        paths.map((field) => ({ field, message: 'must not contain the NUL character (U+0000)' })),
      );
    }
    return value;
  }
}
