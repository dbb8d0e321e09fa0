import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './place-map.css';
import { useTRPC } from '@firebreak/client';
import { useText } from '../lib/use-text';
import { MAP_TEXT } from './place-map-text';

export interface PinPoint {
  readonly lat: number;
  readonly lng: number;
}

/**
 * Where map tiles come from, set when the portal is built (FIREBREAK_MAP_TILE_URL,
 * e.g. a tile server behind the same gateway: `/tiles/{z}/{x}/{y}.png`). Unset:
 * no tiles at all, and the map is the jurisdictions' own outlines drawn as
 * vectors with a scale, so it works offline and inside intranets.
 */
const TILE_URL = import.meta.env.FIREBREAK_MAP_TILE_URL?.trim() || null;
const TILE_ATTRIBUTION = import.meta.env.FIREBREAK_MAP_TILE_ATTRIBUTION?.trim() || '';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const STREET_LABEL_ZOOM = 12.5;
const PIN_ZOOM = 13;

/** Leaflet uses [lat, lng]; GeoJSON and the API use [lng, lat]. */
function toLatLngs(coordinates: readonly (readonly (readonly [number, number])[])[]): L.LatLngExpression[][] {
  return coordinates.map((ring) => ring.map(([lng, lat]) => [lat, lng] as L.LatLngTuple));
}

/**
 * "Drop a pin on the map": tap or click to place the pin, drag it to correct
 * it; the jurisdictions are drawn so the reporter sees which area the pin is
 * in, and the area that will handle the report is highlighted. Keyboard: the
 * map pans with the arrow keys and zooms with + and −, and the button under it
 * drops the pin at the centre mark; the typed address stays for anyone who
 * would rather not use a map at all.
 */
export default function PlaceMap({ value, onChange, handlingId }: { value: PinPoint | null; onChange: (p: PinPoint) => void; handlingId: string | null }) {
  const { label, language } = useText();
  const trpc = useTRPC();
  const boundaries = useQuery(trpc.public.jurisdictions.boundaries.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const holder = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const areas = useRef(new Map<string, L.Polygon>());
  const pin = useRef<L.Marker | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const [ready, setReady] = useState(false);
  const framed = useRef(false);

  // The map itself: made once, removed with the component.
  useEffect(() => {
    if (!holder.current) return;
    const polys = areas.current;
    const m = L.map(holder.current, { zoomControl: true, attributionControl: TILE_URL !== null, keyboard: true, minZoom: 9, maxZoom: 18, zoomSnap: 0.5 });
    if (TILE_URL) L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 18 }).addTo(m);
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => changed.current({ lat: round6(e.latlng.lat), lng: round6(e.latlng.lng) }));
    m.setView([30.27, 120.15], 11);
    // Street names only once the streets are big enough on screen to carry them.
    const near = () => holder.current?.classList.toggle('pt-map--near', m.getZoom() >= STREET_LABEL_ZOOM);
    m.on('zoomend', near);
    near();
    map.current = m;
    setReady(true);
    return () => {
      m.remove();
      map.current = null;
      pin.current = null;
      polys.clear();
    };
  }, []);

  // The outlines: city, districts and streets, deepest drawn last (on top).
  useEffect(() => {
    const m = map.current;
    const data = boundaries.data;
    if (!m || !data) return;
    const layer = L.layerGroup().addTo(m);
    areas.current.clear();
    for (const a of [...data.areas].sort((x, y) => x.depth - y.depth)) {
      const rings = a.boundary.type === 'Polygon' ? [toLatLngs(a.boundary.coordinates)] : a.boundary.coordinates.map(toLatLngs);
      const poly = L.polygon(rings, {
        className: `pt-map-area pt-map-area--d${Math.min(a.depth, 3)}`,
        weight: a.depth === 0 ? 3 : a.depth === 1 ? 2 : 1,
        // Clicks go through to the map, which drops the pin.
        interactive: false,
      }).addTo(layer);
      poly.getElement()?.setAttribute('data-area', a.id);
      if (a.depth === 1) poly.bindTooltip(a.name, { permanent: true, direction: 'center', className: 'pt-map-label' });
      if (a.depth === 2) poly.bindTooltip(a.name, { permanent: true, direction: 'center', className: 'pt-map-label pt-map-label--street' });
      areas.current.set(a.id, poly);
    }
    // Framed once: a refetch of the outlines must not throw the reporter's view back to the whole city.
    if (data.bbox && !framed.current) {
      framed.current = true;
      const box = L.latLngBounds([data.bbox.minLat, data.bbox.minLng], [data.bbox.maxLat, data.bbox.maxLng]);
      // A pin restored from the draft keeps the view on itself.
      if (pin.current) m.setView(pin.current.getLatLng(), PIN_ZOOM, { animate: false });
      else m.fitBounds(box, { padding: [8, 8], animate: false });
    }
    return () => {
      layer.remove();
    };
  }, [boundaries.data, ready]);

  // The pin follows the value (a tap, a drag, the centre button, a restored draft).
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!value) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    if (!pin.current) {
      const marker = L.marker([value.lat, value.lng], {
        draggable: true,
        keyboard: true,
        title: label(MAP_TEXT.pinTitle),
        alt: label(MAP_TEXT.pinTitle),
        icon: L.divIcon({ className: 'pt-map-pin', html: '<span class="pt-map-pin__head"></span>', iconSize: [28, 32], iconAnchor: [14, 29] }),
      }).addTo(m);
      marker.on('dragend', () => {
        const at = marker.getLatLng();
        changed.current({ lat: round6(at.lat), lng: round6(at.lng) });
      });
      pin.current = marker;
      // The first pin is dropped at city scale; come closer so dragging it is precise.
      if (m.getZoom() < PIN_ZOOM) m.setView([value.lat, value.lng], PIN_ZOOM, { animate: false });
    } else {
      pin.current.setLatLng([value.lat, value.lng]);
    }
    pin.current.getElement()?.setAttribute('data-testid', 'map-pin');
  }, [value, ready, label]);

  // The area that will handle the report stands out.
  useEffect(() => {
    for (const [id, poly] of areas.current) poly.getElement()?.classList.toggle('pt-map-area--handling', id === handlingId);
  }, [handlingId, boundaries.data, ready]);

  const dropAtCentre = () => {
    const c = map.current?.getCenter();
    if (c) onChange({ lat: round6(c.lat), lng: round6(c.lng) });
  };

  return (
    <div className="pt-map" lang={language === 'en' ? 'en' : 'zh-CN'}>
      <p id="map-hint" className="pt-hint">
        {label(MAP_TEXT.hint)}
      </p>
      <div className="pt-map__frame">
        <div ref={holder} className="pt-map__canvas" data-testid="place-map" role="application" aria-label={label(MAP_TEXT.mapLabel)} aria-describedby="map-hint" />
        <span className="pt-map__crosshair" aria-hidden="true" />
      </div>
      {boundaries.isError ? (
        <p className="pt-error" role="alert">
          {label(MAP_TEXT.boundariesFailed)}
        </p>
      ) : null}
      <div className="pt-row">
        <button type="button" className="pt-linkbutton" onClick={dropAtCentre} id="pin-at-centre" data-testid="pin-at-centre">
          {label(MAP_TEXT.dropAtCentre)}
        </button>
        <span className="pt-hint" role="status" data-testid="pin-status">
          {value ? label(MAP_TEXT.pinAt).replace('{lat}', value.lat.toFixed(5)).replace('{lng}', value.lng.toFixed(5)) : label(MAP_TEXT.noPin)}
        </span>
      </div>
    </div>
  );
}
