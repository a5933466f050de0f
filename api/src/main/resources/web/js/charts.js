// Chart helpers over uPlot (bundled from its webjar into /vendor/uplot at build time).

/** Width for a chart that fills its container, leaving room for padding. */
export function widthOf(container) {
  return Math.max(260, Math.floor(container.getBoundingClientRect().width));
}

/** Keeps a chart as wide as its container when the window (or phone orientation) changes. */
export function keepSized(chart, container, height) {
  const ro = new ResizeObserver(() => chart.setSize({ width: widthOf(container), height }));
  ro.observe(container);
  return ro;
}

/** Bars for uPlot series (lunges per session). */
export function bars() {
  return uPlot.paths.bars({ size: [0.4, 36], align: 0 });
}
