import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { type RequesterCase, RequesterAccessService } from '@app/cases';
import { bearerToken } from '@app/identity';

type RequesterRequest = Request & { requesterCase?: RequesterCase };

/** Lets a request through only with the access token of the case named by `:reference`. */
@Injectable()
export class RequesterAccessGuard implements CanActivate {
  constructor(private readonly access: RequesterAccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequesterRequest>();
    const reference = String(request.params.reference);
    request.requesterCase = await this.access.authenticate(reference, bearerToken(request.headers.authorization));
    return true;
  }
}

/** The case the requester's token opened (set by RequesterAccessGuard). */
export const RequesterCaseParam = createParamDecorator((_data: unknown, context: ExecutionContext): RequesterCase => {
  const requesterCase = context.switchToHttp().getRequest<RequesterRequest>().requesterCase;
  if (!requesterCase) throw new Error('RequesterCaseParam used without RequesterAccessGuard');
  return requesterCase;
});
