import { BoolField, DateField, TextField } from '../../common/validation';

/** The fields a user is created and changed with alike (every one may be left out). */
export const UserField = {
  cosignRequired: () =>
    BoolField({
      presence: 'optional',
      description: 'true: the notes this user signs wait for a supervisor’s co-signature (SPEC §8)',
    }),
  credential: () =>
    TextField({
      max: 120,
      presence: 'nullable',
      description: 'A peer credential such as “Certified Peer Recovery Specialist” (SPEC §11)',
    }),
  credentialExpiresOn: () =>
    DateField({
      presence: 'nullable',
      description: 'The last day the credential is valid (needs a credential)',
    }),
};
