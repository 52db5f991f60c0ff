import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { DomainException } from '../errors/domain-exception.js';

/** No body of ours nests deeper than a handful of levels; 2,000 levels made validation fail as a 500. */
export const MAX_JSON_DEPTH = 32;

/** How deep `value` nests, counted without recursion (so a hostile body cannot overflow the stack). */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Runs before every route's own guards and interceptors (a file upload's included): a path
 * parameter holding U+0000 (which PostgreSQL cannot compare) and a body nested absurdly deep are
 * refused as invalid input, naming the parameter or `body`, before anything reads them.
 */
@Injectable()
export class RejectHostileRequestGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<{ params?: Record<string, unknown>; body?: unknown }>();
    const nul = Object.entries(request.params ?? {})
      .filter(([, value]) => typeof value === 'string' && value.includes('\u0000'))
      .map(([field]) => ({ field, message: 'must not contain the NUL character (U+0000)' }));
    if (nul.length > 0) throw DomainException.invalid(nul);
    if (exceedsDepth(request.body, MAX_JSON_DEPTH)) {
      throw DomainException.invalid([{ field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }]);
    }
    return true;
  }
}
