/** A tiny inline trend (no axes): one value per month, the last one marked. Values are labelled by the caller. */
export function Sparkline({ values, label, width = 96, height = 22 }: { values: number[]; label: string; width?: number; height?: number }) {
  const max = Math.max(...values, 0);
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const y = (v: number) => height - 2 - (max > 0 ? (v / max) * (height - 4) : 0);
  const points = values.map((v, i) => `${2 + i * step},${y(v)}`).join(' ');
  const last = values.length - 1;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={2} x2={width - 2} y1={height - 2} y2={height - 2} stroke="#d8e0e6" />
      <polyline points={points} fill="none" stroke="#0072B2" strokeWidth={1.5} />
      {last >= 0 && <circle cx={2 + last * step} cy={y(values[last])} r={2.5} fill={values[last] > 0 ? '#D55E00' : '#8E8E8E'} />}
    </svg>
  );
}
