import type { User } from '@peerpath/shared';
import type { UserEntity } from './user.entity';

export function toUserResponse(u: UserEntity): User {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    teamId: u.teamId,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
