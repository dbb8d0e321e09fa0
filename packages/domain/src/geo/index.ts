// Geography: jurisdiction boundaries (GeoJSON, WGS84) and which jurisdiction a point falls in.
export * from './boundary';
export * from './point-in-boundary';
export * from './locate-jurisdiction';
export * from './simplify-boundary';
