import type { Resource } from "@medplum/fhirtypes";
import { formatDay } from "./format.ts";

interface Point {
  readonly at: Date;
  readonly value: number;
}

/** Heart-rate and systolic pressure readings out of decrypted Observations. */
export function vitalSeries(resources: readonly Resource[]): { label: string; unit: string; points: Point[] }[] {
  const hr: Point[] = [];
  const sys: Point[] = [];
  for (const r of resources) {
    if (r.resourceType !== "Observation" || !r.effectiveDateTime) continue;
    const code = r.code?.coding?.[0]?.code;
    const at = new Date(r.effectiveDateTime);
    if (code === "8867-4" && typeof r.valueQuantity?.value === "number") hr.push({ at, value: r.valueQuantity.value });
    if (code === "85354-9") {
      const s = r.component?.find((c) => c.code.coding?.[0]?.code === "8480-6")?.valueQuantity?.value;
      if (typeof s === "number") sys.push({ at, value: s });
    }
  }
  const byTime = (a: Point, b: Point) => a.at.getTime() - b.at.getTime();
  return [
    { label: "Heart rate", unit: "/min", points: hr.sort(byTime) },
    { label: "Systolic blood pressure", unit: "mmHg", points: sys.sort(byTime) },
  ].filter((s) => s.points.length > 0);
}

/** A small line chart per series, server-rendered SVG with a table for screen readers. */
export function VitalsChart({ series }: { series: ReturnType<typeof vitalSeries> }) {
  if (series.length === 0) return <p className="text-sm text-slate-600">No vital signs you may read yet.</p>;
  const W = 520;
  const H = 140;
  return (
    <div className="space-y-6" data-testid="vitals-chart">
      {series.map((s) => {
        const xs = s.points.map((p) => p.at.getTime());
        const ys = s.points.map((p) => p.value);
        const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
        const [y0, y1] = [Math.min(...ys) - 5, Math.max(...ys) + 5];
        const px = (x: number) => (x1 === x0 ? W / 2 : 30 + ((x - x0) / (x1 - x0)) * (W - 40));
        const py = (y: number) => H - 20 - ((y - y0) / (y1 - y0 || 1)) * (H - 30);
        const d = s.points.map((p, i) => `${i === 0 ? "M" : "L"}${px(p.at.getTime()).toFixed(1)},${py(p.value).toFixed(1)}`).join(" ");
        return (
          <figure key={s.label}>
            <figcaption className="text-sm font-medium">
              {s.label} ({s.unit}), {s.points.length} readings
            </figcaption>
            <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label={`${s.label} over time`}>
              <path d={d} fill="none" stroke="currentColor" strokeWidth="2" className="text-brand-700" />
              {s.points.map((p) => (
                <circle key={p.at.toISOString()} cx={px(p.at.getTime())} cy={py(p.value)} r="3" className="fill-brand-700" />
              ))}
              <text x="2" y="14" className="fill-slate-500 text-[10px]">{Math.round(y1)}</text>
              <text x="2" y={H - 20} className="fill-slate-500 text-[10px]">{Math.round(y0)}</text>
            </svg>
            <table className="sr-only">
              <caption>{s.label}</caption>
              <tbody>
                {s.points.map((p) => (
                  <tr key={p.at.toISOString()}>
                    <td>{formatDay(p.at)}</td>
                    <td>{p.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        );
      })}
    </div>
  );
}
