import Box from '@mui/material/Box';
import Button, { type ButtonProps } from '@mui/material/Button';

/**
 * A table row's two admin actions: Change (opens its dialog) and Activate or
 * Deactivate (asks first). Clicks stay in the cell, so a row's own click does
 * not fire too.
 */
export function ChangeActivateActions({
  name,
  active,
  changeLabel = `Change ${name}`,
  size,
  onChange,
  onToggle,
}: {
  /** What the row is, as read out after the action: "Change Ana". */
  name: string;
  active: boolean;
  changeLabel?: string;
  size?: ButtonProps['size'];
  onChange: () => void;
  onToggle: () => void;
}) {
  const toggle = active ? 'Deactivate' : 'Activate';
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      <Button
        size={size}
        onClick={(e) => {
          e.stopPropagation();
          onChange();
        }}
        aria-label={changeLabel}
      >
        Change
      </Button>
      <Button
        size={size}
        color={active ? 'error' : 'primary'}
        onClick={(e) => {
          e.stopPropagation();
          onToggle();
        }}
        aria-label={`${toggle} ${name}`}
      >
        {toggle}
      </Button>
    </Box>
  );
}
