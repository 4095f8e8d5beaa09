import { type AnchorHTMLAttributes, type ReactNode, useLayoutEffect, useRef } from 'react';
import { BrowserRouter, type NavigateFunction, Link as RouterLink, useLocation, useNavigate, useNavigationType } from 'react-router';

/**
 * React Router (declarative mode) behind the small API the features were written against: `Link`, `navigate`,
 * `usePath`, `takeFocusRequest`. The front door (and CloudFront) answer unknown paths with index.html.
 */
let navigateFn: NavigateFunction | null = null;
let focusPending = false;

/** Keeps `navigate` usable outside components, moves to the top and asks for focus after each page change. */
function NavigationEffects() {
  const routerNavigate = useNavigate();
  const { pathname } = useLocation();
  const type = useNavigationType();
  const last = useRef(pathname);
  navigateFn = routerNavigate;
  // A layout effect runs before the new page's (passive) mount effect, which takes the focus request.
  useLayoutEffect(() => {
    if (last.current === pathname) return;
    last.current = pathname;
    focusPending = true;
    if (type !== 'POP') window.scrollTo(0, 0);
  }, [pathname, type]);
  return null;
}

export function Router({ children }: { children: ReactNode }) {
  return (
    <BrowserRouter>
      <NavigationEffects />
      {children}
    </BrowserRouter>
  );
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (navigateFn) void navigateFn(to, { replace: options.replace ?? false });
  else if (options.replace) location.replace(to);
  else location.assign(to);
}

export function usePath(): string {
  return useLocation().pathname;
}

/** True once after an in-app navigation: the new page moves focus to its heading for screen-reader users. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

export function Link({ to, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return <RouterLink to={to} {...rest} />;
}
