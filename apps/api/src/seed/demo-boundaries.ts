import { withRightHandRule, type Boundary, type Position } from '@firebreak/domain';
import { DEMO_CITY } from './demo-city';

/**
 * Invented outlines for the demo city, WGS84 [lng, lat]: the city, its four
 * districts and their streets, drawn so that the districts tile the city and
 * the streets tile their district (neighbours share their corners exactly, so
 * a border is one line, not two that almost meet). Communities and grid cells
 * are not drawn: a pin there is handled by its street (locateJurisdiction).
 *
 * Demo venues are scattered ±0.01° around their street's centre
 * (STREET_VENUE_CENTRES); every street's outline keeps that square inside with
 * a margin, so each venue lies in its own street, district and city (tested).
 */
const P = {
  a: [120.06, 30.24],
  y: [120.098, 30.24],
  b: [120.137, 30.24],
  k: [120.15, 30.24],
  u: [120.1725, 30.24],
  j: [120.208, 30.24],
  ff: [120.211, 30.24],
  l: [120.25, 30.24],
  c: [120.14, 30.2745],
  v: [120.173, 30.2745],
  x: [120.21, 30.2745],
  i: [120.212, 30.29],
  h: [120.192, 30.322],
  g: [120.165, 30.317],
  aa: [120.145, 30.319],
  d: [120.135, 30.32],
  f: [120.1, 30.32],
  e2: [120.065, 30.32],
  e: [120.055, 30.3],
  t: [120.195, 30.36],
  s: [120.175, 30.388],
  bb: [120.145, 30.387],
  r: [120.12, 30.386],
  q: [120.098, 30.36],
  m: [120.152, 30.1925],
  m2: [120.16, 30.175],
  n: [120.175, 30.16],
  o: [120.245, 30.158],
  dd: [120.25, 30.1925],
  p: [120.252, 30.205],
  ee: [120.211, 30.1925],
} as const satisfies Record<string, Position>;
type Corner = keyof typeof P;

function outline(...corners: Corner[]): Boundary {
  const ring: Position[] = corners.map((c) => [P[c][0], P[c][1]]);
  ring.push(ring[0]!);
  return withRightHandRule({ type: 'Polygon', coordinates: [ring] });
}

export interface DemoBoundary {
  readonly level: 'city' | 'district' | 'street';
  readonly name: string;
  readonly boundary: Boundary;
}

export const DEMO_BOUNDARIES: readonly DemoBoundary[] = [
  { level: 'city', name: DEMO_CITY, boundary: outline('a', 'y', 'b', 'k', 'm', 'm2', 'n', 'o', 'dd', 'p', 'l', 'ff', 'j', 'x', 'i', 'h', 't', 's', 'bb', 'r', 'q', 'f', 'e2', 'e') },
  { level: 'district', name: '东湖区', boundary: outline('b', 'k', 'u', 'j', 'x', 'i', 'h', 'g', 'aa', 'd', 'c') },
  { level: 'district', name: '西山区', boundary: outline('a', 'y', 'b', 'c', 'd', 'f', 'e2', 'e') },
  { level: 'district', name: '南江区', boundary: outline('k', 'm', 'm2', 'n', 'o', 'dd', 'p', 'l', 'ff', 'j', 'u') },
  { level: 'district', name: '北岭区', boundary: outline('f', 'd', 'aa', 'g', 'h', 't', 's', 'bb', 'r', 'q') },
  { level: 'street', name: '湖滨街道', boundary: outline('b', 'k', 'u', 'v', 'c') },
  { level: 'street', name: '文晖街道', boundary: outline('u', 'j', 'x', 'v') },
  { level: 'street', name: '东港街道', boundary: outline('c', 'v', 'x', 'i', 'h', 'g', 'aa', 'd') },
  { level: 'street', name: '西溪街道', boundary: outline('a', 'y', 'f', 'e2', 'e') },
  { level: 'street', name: '翠苑街道', boundary: outline('y', 'b', 'c', 'd', 'f') },
  { level: 'street', name: '江南街道', boundary: outline('k', 'm', 'ee', 'ff', 'j', 'u') },
  { level: 'street', name: '长河街道', boundary: outline('ee', 'dd', 'p', 'l', 'ff') },
  { level: 'street', name: '浦沿街道', boundary: outline('m', 'm2', 'n', 'o', 'dd', 'ee') },
  { level: 'street', name: '北山街道', boundary: outline('f', 'd', 'aa', 'bb', 'r', 'q') },
  { level: 'street', name: '岭下镇', boundary: outline('aa', 'g', 'h', 't', 's', 'bb') },
];

/** Where each street's venues are scattered (demoVenues spreads them ±0.01° around it). */
export const STREET_VENUE_CENTRES: Readonly<Record<string, { readonly lat: number; readonly lng: number }>> = {
  湖滨街道: { lat: 30.262, lng: 120.16 },
  文晖街道: { lat: 30.262, lng: 120.185 },
  东港街道: { lat: 30.287, lng: 120.172 },
  西溪街道: { lat: 30.281, lng: 120.085 },
  翠苑街道: { lat: 30.281, lng: 120.111 },
  江南街道: { lat: 30.205, lng: 120.198 },
  长河街道: { lat: 30.205, lng: 120.224 },
  浦沿街道: { lat: 30.18, lng: 120.211 },
  北山街道: { lat: 30.352, lng: 120.13 },
  岭下镇: { lat: 30.352, lng: 120.158 },
};

/** How far demoVenues scatters a venue from its centre, in degrees, each way. */
export const VENUE_SCATTER_DEG = 0.01;
