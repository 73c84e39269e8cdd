import type { LayerStyle } from '../../shared/review/layers.ts';

/** A layer's identity: initials on its colour, with the full name for assistive technology and on hover. */
export function LayerBadge({ style }: { style: LayerStyle | undefined }) {
  if (!style) return null;
  return (
    <span className="layer-badge" style={{ backgroundColor: style.colour }} title={style.name} aria-hidden="true">
      {style.initials}
    </span>
  );
}
