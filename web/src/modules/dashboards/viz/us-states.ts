import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
// The U.S. states outline ships with the app (us-atlas, unprojected longitude/latitude): no request to another host.
import atlas from 'us-atlas/states-10m.json';

let states: FeatureCollection | null = null;

/** The U.S. states as GeoJSON, the map's base layer (decoded once). */
export function usStates(): FeatureCollection {
  if (states === null) {
    const topology = atlas as unknown as Topology<{ states: GeometryCollection }>;
    states = feature(topology, topology.objects.states);
  }
  return states;
}
