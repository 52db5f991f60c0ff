import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '@app/common';
import { HashQueueFullError, LoginDto, MeView, type SessionUser, SessionsService, SessionView } from '@app/identity';
import { CurrentUser, SESSION_COOKIE } from '../access/session-auth.guard.js';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

/**
 * Reviewers log in here; failed logins are rate limited per address and per address and e-mail
 * (AppModule), and password checks wait in a bounded queue (503 with Retry-After when it is full).
 */
@ApiTags('Back office: sessions')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Access.public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: a bearer token for scripts, and a session cookie for the web UI' })
  @ApiOkResponse({ type: SessionView })
  @ApiProblems(400, 401, 429, 503)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<SessionView> {
    const session = await this.sessions.login(body.email, body.password).catch((error: unknown) => {
      if (error instanceof HashQueueFullError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.TRUST_PROXY || this.config.isProduction,
      path: '/',
      expires: session.expiresAt,
    });
    return { token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @Access.staff('reviewer', 'legal', 'admin')
  @ApiOperation({ summary: 'End this session' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403)
  async logout(@CurrentUser() user: SessionUser, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.logout(user);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Access.staff('reviewer', 'legal', 'admin')
  @ApiOperation({ summary: 'Who is logged in' })
  @ApiOkResponse({ type: MeView })
  @ApiProblems(401)
  me(@CurrentUser() user: SessionUser): MeView {
    return { id: user.userId, email: user.email, role: user.role };
  }
}
