import type { HostileMailSpec } from './hostile-types';

/**
 * Mail that tries to lay itself over the console (the old reader's hidden measuring copy lived in the console's own
 * page): fixed positioning however spelled, :host, !important, huge z-index and negative margins, each with a fake
 * "sign in again" link. The console's own controls must stay on top.
 */
const FAKE = `<a href="/auth/login?next=/">Your session expired: sign in again</a>`;
const cover = 'top:0;left:0;width:100vw;height:100vh;background:#b91c1c;z-index:2147483647';

export function hostileOverlayMails(): HostileMailSpec[] {
  const styled = (title: string, css: string, cls = 'o') => ({
    title,
    html: `<style>${css}</style><div class="${cls}">${FAKE}</div>`,
  });
  return [
    styled('host, var and important', `:host{--p:fixed!important}.o{position:var(--p)!important;${cover}!important}`),
    styled('fixed through var', `.o{--pos:fixed;position:var(--pos);${cover}}`),
    styled('fixed with important', `.o{position:fixed!important;${cover}}`),
    styled('escaped position property', `.o{po\\73ition:fixed;${cover}}`),
    styled('escaped fixed keyword', `.o{position:f\\69xed;${cover}}`),
    styled('sticky', `.o{position:sticky;${cover}}`),
    styled(
      'absolute above the frame',
      `.o{position:absolute;top:-2000px;left:-2000px;width:6000px;height:6000px;background:#b91c1c}`,
    ),
    styled(
      'host-context, part and slotted',
      `:host-context(body) .o{position:fixed;${cover}}::part(x){position:fixed}::slotted(*){position:fixed}`,
    ),
    styled('negative margins', `.o{margin:-3000px 0 0 -3000px;width:9000px;height:9000px;background:#b91c1c}`),
    styled('huge outline and shadow', `.o{outline:99999px solid #b91c1c;box-shadow:0 0 0 99999px #b91c1c}`),
    styled('transform out of the box', `.o{transform:translate(-50vw,-50vh) scale(40);background:#b91c1c}`),
    styled('fixed inside media', `@media screen{.o{position:fixed;${cover}}}`),
    styled('fixed html and body', `html,body{position:fixed!important;${cover}}`),
    styled('fixed in a keyframe', `@keyframes k{to{position:fixed}}.o{animation:k 1s forwards;${cover}}`),
    { title: 'inline fixed overlay', html: `<div style="position:fixed;${cover}">${FAKE}</div>` },
    { title: 'inline fixed through var', html: `<div style="--p:fixed;position:var(--p);${cover}">${FAKE}</div>` },
  ];
}
