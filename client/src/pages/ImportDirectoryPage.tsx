import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { describeError } from '../api';
import { RequireAuth } from '../auth';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../lib/notify';
import { useImportDirectory, type ImportReport } from '../features/resources/hsdsApi';

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** One figure of the preview: big, with what it counts under it. */
function Figure({ value, label }: { value: number; label: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 120, flex: '1 1 120px' }}>
      <Typography variant="h2" component="p">
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Paper>
  );
}

/**
 * An admin brings a community's directory in from an Open Referral (HSDS)
 * file: choose it, see what would be added, updated and refused (nothing is
 * written yet), then apply it all at once.
 */
export function ImportDirectoryPage() {
  const notify = useNotify();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const check = useImportDirectory();
  const apply = useImportDirectory();

  function choose(f: File | undefined) {
    if (!f) return;
    setFile(f);
    setPreview(null);
    apply.reset();
    check.mutate({ file: f, dryRun: true }, { onSuccess: setPreview });
  }

  const ready = preview && preview.refusedTotal === 0 && preview.created + preview.updated > 0;

  return (
    <RequireAuth roles={['admin']}>
      <PageHeader
        title="Import directory"
        subtitle="Bring in services from an Open Referral (HSDS 3.0) file: the zip of CSV files, or its JSON form."
        actions={
          <Button component={RouterLink} to="/resources" startIcon={<ArrowBackOutlined />}>
            Back to resources
          </Button>
        }
      />
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 760 }}>
        <Typography>
          Nothing changes until you choose “Apply”. Services already in the directory are updated;
          new ones are added.
        </Typography>
        <input
          ref={input}
          type="file"
          accept=".zip,.json,application/zip,application/json"
          hidden
          aria-label="Directory file"
          onChange={(e) => {
            choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant={preview ? 'outlined' : 'contained'}
            size="large"
            startIcon={<UploadFileOutlined />}
            onClick={() => input.current?.click()}
            disabled={check.isPending || apply.isPending}
          >
            {file ? 'Choose another file' : 'Choose a file'}
          </Button>
          {file && (
            <Typography color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Typography>
          )}
        </Box>
        {check.isPending && <Typography role="status">Checking the file…</Typography>}
        {check.error && <Alert severity="error">{describeErrorOrText(check.error)}</Alert>}
        {preview && (
          <Box component="section" aria-labelledby="preview-heading">
            <Typography variant="h2" id="preview-heading" sx={{ mb: 1.5 }}>
              What would happen
            </Typography>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
              <Figure value={preview.created} label="to add" />
              <Figure value={preview.updated} label="to update" />
              <Figure value={preview.refusedTotal} label="refused" />
            </Box>
            {preview.refusedTotal > 0 && (
              <>
                <Alert severity="warning" sx={{ mb: 2 }}>
                  {plural(preview.refusedTotal, 'row needs', 'rows need')} fixing before anything
                  can be imported. Correct the file and choose it again.
                  {preview.refused.length < preview.refusedTotal &&
                    ` The first ${preview.refused.length} are listed.`}
                </Alert>
                <Box
                  component="ul"
                  aria-label="Refused rows"
                  sx={{ pl: 0, m: 0, listStyle: 'none' }}
                >
                  {preview.refused.map((r) => (
                    <Paper
                      component="li"
                      variant="outlined"
                      key={`${r.file}:${r.row}`}
                      sx={{ p: 1.5, mb: 1 }}
                    >
                      <Typography sx={{ fontWeight: 600 }}>
                        {r.file}, row {r.row}
                        {r.id ? ` (id ${r.id})` : ''}
                      </Typography>
                      <Box component="ul" sx={{ m: 0, pl: 3 }}>
                        {r.errors.map((e) => (
                          <li key={e.field}>
                            <Typography variant="body2">
                              <code>{e.field}</code> {e.message}
                            </Typography>
                          </li>
                        ))}
                      </Box>
                    </Paper>
                  ))}
                </Box>
              </>
            )}
            {preview.refusedTotal === 0 && preview.created + preview.updated === 0 && (
              <Alert severity="info">The file has no services to import.</Alert>
            )}
            {apply.error && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {describeErrorOrText(apply.error)}
              </Alert>
            )}
            {ready && (
              <Button
                variant="contained"
                size="large"
                disabled={apply.isPending}
                onClick={() =>
                  apply.mutate(
                    { file: file!, dryRun: false },
                    {
                      onSuccess: (r) => {
                        notify(
                          `Directory updated: ${plural(r.created, 'service', 'services')} added, ${r.updated} updated`,
                        );
                        void navigate('/resources');
                      },
                    },
                  )
                }
              >
                {apply.isPending ? 'Applying…' : 'Apply'}
              </Button>
            )}
          </Box>
        )}
      </Box>
    </RequireAuth>
  );
}

function describeErrorOrText(error: unknown): string {
  return error instanceof Error && !('statusCode' in error) ? error.message : describeError(error);
}
