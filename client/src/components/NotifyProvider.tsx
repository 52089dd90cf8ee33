import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useCallback, useState, type ReactNode } from 'react';
import { NotifyContext, type NotifyOptions } from '../lib/notify';

export function NotifyProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<({ text: string; key: number } & NotifyOptions) | null>(
    null,
  );
  const notify = useCallback(
    (text: string, options?: NotifyOptions) => setMessage({ text, key: Date.now(), ...options }),
    [],
  );
  const undo = message?.undo;
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar
        key={message?.key}
        open={Boolean(message)}
        message={message?.text}
        // Time to read the message and reach "Undo".
        autoHideDuration={undo ? 10000 : 5000}
        onClose={(_e, reason) => {
          if (reason !== 'clickaway') setMessage(null);
        }}
        action={
          undo && (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                setMessage(null);
                undo();
              }}
            >
              Undo
            </Button>
          )
        }
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        slotProps={{ content: { role: 'status' } }}
      />
    </NotifyContext.Provider>
  );
}
