export interface BrandMarkProps {
  readonly size?: number;
  /** Tile colour; the flame is white. */
  readonly color?: string;
  readonly className?: string;
}

/** The Firebreak flame (same drawing as the favicons); drawn, so it needs no font. */
export function BrandMark({ size = 28, color = '#c8161d', className }: BrandMarkProps) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block', flex: 'none' }}
    >
      <rect width="64" height="64" rx="14" fill={color} />
      <path d="M33 10c2 9 12 14 12 27a13 13 0 0 1-26 0c0-7 4-11 7-14 0 5 2 8 5 9-2-8 0-15 2-22z" fill="#fff" />
    </svg>
  );
}
