import { TOOLTIP_CSS } from './styles';

/**
 * Styles the shadow root and returns how to move it. Constructable stylesheets are not subject
 * to the page's style-src CSP; the position goes into a sheet of its own, because `!important`
 * rules of a shadow root beat every rule of the page, inline styles included.
 */
export function styleShadow(shadow: ShadowRoot, doc: Document): (position: string) => void {
  const rule = (position: string) => `:host { ${position} }`;
  try {
    const base = new CSSStyleSheet();
    base.replaceSync(TOOLTIP_CSS);
    const place = new CSSStyleSheet();
    shadow.adoptedStyleSheets = [base, place];
    return (position) => place.replaceSync(rule(position));
  } catch {
    const base = doc.createElement('style');
    base.textContent = TOOLTIP_CSS;
    const place = doc.createElement('style');
    shadow.append(base, place);
    return (position) => {
      place.textContent = rule(position);
    };
  }
}
