import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginResponse, User } from '@peerpath/shared';
import { ApiErrors } from '../common/api-docs';
import { Authenticated, CurrentUser, Public, type AuthUser } from '../common/auth.decorators';
import { REFRESH_COOKIE_SCHEME } from '../common/openapi';
import { LoginResponseBody, UserResponse } from '../users/user.response';
import { UsersService } from '../users/users.service';
import { ABSOLUTE_LIMIT_HOURS, AuthService, type SignedIn } from './auth.service';
import { LoginDto } from './auth.dto';

export const REFRESH_COOKIE = 'pp_refresh';

function setRefreshCookie(reply: FastifyReply, token: string) {
  void reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/api/auth',
    maxAge: ABSOLUTE_LIMIT_HOURS * 3600,
  });
}

function strip({ refreshToken: _, ...rest }: SignedIn): LoginResponse {
  return rest;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; returns an access token and sets a refresh cookie' })
  @ApiOkResponse({
    type: LoginResponseBody,
    description: 'Signed in; the `pp_refresh` cookie is set (httpOnly, path /api/auth)',
  })
  @ApiErrors(401, 403, 429)
  async login(
    @Body() dto: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const signedIn = await this.auth.login(dto.email, dto.password, req.ip);
    setRefreshCookie(reply, signedIn.refreshToken);
    return strip(signedIn);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'New access token from the refresh cookie (30 min idle, 12 h absolute)',
  })
  @ApiSecurity(REFRESH_COOKIE_SCHEME)
  @ApiOkResponse({ type: LoginResponseBody, description: 'A new access token; the cookie rotates' })
  @ApiErrors(401, 403)
  async refresh(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const signedIn = await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]);
    setRefreshCookie(reply, signedIn.refreshToken);
    return strip(signedIn);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the sign-in session: access and refresh tokens stop working' })
  @ApiSecurity(REFRESH_COOKIE_SCHEME)
  @ApiSecurity('bearer')
  @ApiNoContentResponse({ description: 'Signed out (also when already signed out)' })
  @ApiErrors(403)
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    await this.auth.logout(bearer, req.cookies?.[REFRESH_COOKIE]);
    void reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.users.get(user.id);
  }
}
