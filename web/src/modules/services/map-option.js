// The service-circle map as an ECharts option: buildings and service points drawn from their
// coordinates (no map tiles), buildings coloured by whether the chosen kind of service is
// within reach. Pure, so that it is tested without a browser.
export function mapOption({ buildings, points }, kind, labels) {
  const covered = buildings.filter((b) => b.covered[kind]);
  const gaps = buildings.filter((b) => !b.covered[kind]);
  const lats = [...buildings, ...points].map((x) => x.lat);
  const lngs = [...buildings, ...points].map((x) => x.lng);
  const pad = 0.002;
  const axis = (min, max) => ({ type: 'value', min: +(min - pad).toFixed(4), max: +(max + pad).toFixed(4), scale: true, axisLabel: { show: false }, splitLine: { show: false } });
  const dot = (x) => ({ value: [x.lng, x.lat], name: x.name });
  return {
    tooltip: { trigger: 'item', formatter: (p) => p.name },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8 },
    xAxis: lngs.length ? axis(Math.min(...lngs), Math.max(...lngs)) : { type: 'value' },
    yAxis: lats.length ? axis(Math.min(...lats), Math.max(...lats)) : { type: 'value' },
    series: [
      { name: labels.covered, type: 'scatter', symbol: 'rect', symbolSize: 12, itemStyle: { color: '#1a7f37' }, data: covered.map(dot) },
      { name: labels.gap, type: 'scatter', symbol: 'rect', symbolSize: 12, itemStyle: { color: '#b71c1c' }, data: gaps.map(dot) },
      { name: labels.point, type: 'scatter', symbol: 'pin', symbolSize: 26, itemStyle: { color: '#1257a8' }, data: points.filter((p) => p.kind === kind).map(dot) },
      { name: labels.other, type: 'scatter', symbol: 'circle', symbolSize: 8, itemStyle: { color: '#888' }, data: points.filter((p) => p.kind !== kind).map(dot) },
    ],
  };
}
