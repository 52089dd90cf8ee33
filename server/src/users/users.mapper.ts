import type { UserEntity } from './user.entity';
import type { UserResponse } from './user.response';

export function toUserResponse(u: UserEntity): UserResponse {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    teamId: u.teamId,
    active: u.active,
    cosignRequired: u.cosignRequired,
    credential: u.credential,
    credentialExpiresOn: u.credentialExpiresOn,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
