import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginCleanup } from './login-cleanup.service';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';

@Module({
  imports: [PassportModule, JwtModule.register({}), UsersModule],
  controllers: [AuthController, PasswordController],
  providers: [AuthService, JwtStrategy, LoginCleanup, PasswordService],
  exports: [JwtStrategy],
})
export class AuthModule {}
