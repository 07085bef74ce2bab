// A minimal TopoJSON decoder (quantized arcs, Polygon and MultiPolygon): enough to draw the world-atlas land outline.
export function decodeRings(topology, objectName) {
  const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
  const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
  const arcs = topology.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      if (topology.transform) { x += dx; y += dy; } else { x = dx; y = dy; }
      return [x * sx + tx, y * sy + ty];
    });
  });
  const arcPoints = index => (index >= 0 ? arcs[index] : arcs[~index].slice().reverse());
  // Longitudes are unwrapped along a ring (no jump over 180 degrees), so a ring crossing the antimeridian stays one
  // shape drawn past the edge instead of a stripe across the whole map.
  const ring = indexes => {
    const points = [];
    indexes.forEach((index, i) => {
      const part = arcPoints(index);
      points.push(...(i === 0 ? part : part.slice(1)));
    });
    for (let i = 1; i < points.length; i++) {
      let lon = points[i][0];
      while (lon - points[i - 1][0] > 180) lon -= 360;
      while (lon - points[i - 1][0] < -180) lon += 360;
      points[i] = [lon, points[i][1]];
    }
    return points;
  };
  const rings = [];
  const visit = geometry => {
    if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(visit);
    else if (geometry.type === 'Polygon') geometry.arcs.forEach(r => rings.push(ring(r)));
    else if (geometry.type === 'MultiPolygon') geometry.arcs.forEach(p => p.forEach(r => rings.push(ring(r))));
  };
  visit(topology.objects[objectName]);
  return rings;
}
