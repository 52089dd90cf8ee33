import Paper from '@mui/material/Paper';
import { useNavigate } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../lib/notify';
import { ParticipantForm } from '../features/participants/ParticipantForm';
import { participantName } from '../features/participants/names';

export function NewParticipantPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  return (
    <>
      <PageHeader
        title="Add participant"
        subtitle="Only the name is needed now; you can add the rest later."
      />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 900 }}>
        <ParticipantForm
          onSaved={(p) => {
            notify(`${participantName(p)} added`);
            void navigate(`/participants/${p.id}`, { replace: true });
          }}
          onCancel={() => void navigate(-1)}
        />
      </Paper>
    </>
  );
}
