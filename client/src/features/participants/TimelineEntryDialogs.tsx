import { LABELS, type UpdateHandoutRequest } from '@peerpath/shared';
import { describeError } from '../../api';
import { lazy, Suspense } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../lib/notify';
import { useAdvocacyAction } from '../advocacy/api';
import { useHandouts, useUpdateHandout } from '../resources/api';

const AdvocacyDialog = lazy(() =>
  import('../advocacy/AdvocacyDialog').then((m) => ({ default: m.AdvocacyDialog })),
);
const FollowUpDialog = lazy(() =>
  import('../resources/FollowUpDialog').then((m) => ({ default: m.FollowUpDialog })),
);

/** An advocacy action opened from the timeline, to update it in place. */
export function TimelineAdvocacyDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const action = useAdvocacyAction(id);
  const notify = useNotify();
  if (action.error) return <ErrorAlert error={action.error} />;
  if (!action.data) return null;
  return (
    <Suspense fallback={null}>
      <AdvocacyDialog
        open
        action={action.data}
        onClose={onClose}
        onSaved={() => {
          onClose();
          notify('Advocacy action saved');
        }}
      />
    </Suspense>
  );
}

/** A resource shared, opened from the timeline to record or move its follow-up. */
export function TimelineHandoutDialog({
  id,
  participantId,
  onClose,
}: {
  id: string;
  participantId: string;
  onClose: () => void;
}) {
  const handouts = useHandouts({ participantId, pageSize: 100 });
  const update = useUpdateHandout();
  const notify = useNotify();
  const handout = handouts.data?.items.find((h) => h.id === id);
  if (handouts.error) return <ErrorAlert error={handouts.error} />;
  if (!handout) return null;
  return (
    <Suspense fallback={null}>
      <FollowUpDialog
        handout={handout}
        onClose={onClose}
        onSave={async (body: UpdateHandoutRequest) => {
          onClose();
          try {
            await update.mutateAsync({ id, body });
            notify(
              body.outcome && body.outcome !== 'pending'
                ? `${handout.resourceName}: ${LABELS.handoutOutcome[body.outcome].toLowerCase()}`
                : `${handout.resourceName}: follow-up saved`,
            );
          } catch (error) {
            notify(describeError(error));
          }
        }}
      />
    </Suspense>
  );
}
