import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router';
import type { Ref } from 'react';

type Props = Omit<RouterLinkProps, 'to'> & {
  href: RouterLinkProps['to'];
  ref?: Ref<HTMLAnchorElement>;
};

/** Lets MUI links and buttons with `href` navigate inside the app; other URLs stay plain links. */
export function LinkBehavior({ href, ref, ...other }: Props) {
  if (typeof href === 'string' && /^(https?:|mailto:|tel:|blob:)/.test(href)) {
    return <a ref={ref} href={href} {...other} />;
  }
  return <RouterLink ref={ref} to={href} {...other} />;
}
