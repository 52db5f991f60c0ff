import { useTranslation } from 'react-i18next';
import { ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CaseDetail } from './staff-api.js';

const DAY = 86_400_000;

/** The account's clock on a time axis: freeze, deletion, closure, permanent deletion, the holds, and today. */
export function TimelineChart({ timeline }: { timeline: NonNullable<CaseDetail['timeline']> }) {
  const { t } = useTranslation();
  const points = timeline.events
    .filter((event) => event.date !== null)
    .map((event, index) => ({
      x: Date.parse(`${event.date ?? ''}T00:00:00Z`),
      y: index + 1,
      label: `${t(`backoffice.event.${event.kind}`)}: ${event.date ?? ''} (${event.state})`,
    }));
  const today = Date.parse(`${timeline.asOf}T00:00:00Z`);
  const xs = [today, ...points.map((point) => point.x), ...timeline.holds.map((hold) => Date.parse(hold.since))];
  const format = (value: number): string => new Date(value).toISOString().slice(0, 10);
  return (
    <figure>
      <ScatterChart width={640} height={200} margin={{ top: 16, right: 24, bottom: 16, left: 8 }}>
        <XAxis
          type="number"
          dataKey="x"
          domain={[Math.min(...xs) - 30 * DAY, Math.max(...xs) + 30 * DAY]}
          tickFormatter={format}
          name={t('backoffice.date')}
        />
        <YAxis type="number" dataKey="y" hide domain={[0, 5]} />
        <Tooltip formatter={(_value, _name, item: { payload?: { label?: string } }) => item.payload?.label ?? ''} />
        <ReferenceLine x={today} stroke="#1a56db" label={t('backoffice.today')} />
        {timeline.holds.map((hold) => (
          <ReferenceLine
            key={hold.caseReference}
            x={Date.parse(hold.since)}
            stroke="#057a55"
            strokeDasharray="4 2"
            label={hold.caseReference}
          />
        ))}
        <Scatter data={points} fill="#c81e1e" />
      </ScatterChart>
      <figcaption>
        <ul>
          {points.map((point) => (
            <li key={point.label}>{point.label}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
