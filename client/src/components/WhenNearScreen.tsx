import Box from '@mui/material/Box';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Holds the room of `height` pixels and draws its content once that room comes near the
 * screen: a chart below the fold costs a phone nothing (no code, no drawing) until it is
 * scrolled to, and nothing moves when it arrives.
 */
export function WhenNearScreen({ height, children }: { height: number; children: ReactNode }) {
  const room = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = room.current;
    if (near || !el) return;
    const seen = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '200px 0px' },
    );
    seen.observe(el);
    return () => seen.disconnect();
  }, [near]);
  return (
    <Box ref={room} sx={{ height }}>
      {near && <Suspense fallback={null}>{children}</Suspense>}
    </Box>
  );
}
