import type { ComponentType, Ref } from 'react';
import type { LinkProps as RouterLinkProps } from 'react-router';

type RouterLinkComponent = ComponentType<RouterLinkProps & { ref?: Ref<HTMLAnchorElement> }>;

// The router's Link, handed over by the app when it loads (`setRouterLink`): the sign-in page
// is shown without the router, so the theme, in the first download, must not import it.
let RouterLink: RouterLinkComponent | null = null;

/** Lets MUI links and buttons with `href` navigate inside the app (called by `App`). */
export function setRouterLink(link: RouterLinkComponent) {
  RouterLink = link;
}

type Props = Omit<RouterLinkProps, 'to'> & {
  href: RouterLinkProps['to'];
  ref?: Ref<HTMLAnchorElement>;
};

/** Lets MUI links and buttons with `href` navigate inside the app; other URLs stay plain links. */
export function LinkBehavior({ href, ref, ...other }: Props) {
  if (!RouterLink || (typeof href === 'string' && /^(https?:|mailto:|tel:|blob:)/.test(href))) {
    return <a ref={ref} href={typeof href === 'string' ? href : undefined} {...other} />;
  }
  return <RouterLink ref={ref} to={href} {...other} />;
}
