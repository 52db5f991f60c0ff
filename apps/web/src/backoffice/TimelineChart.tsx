import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabelList, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeadlineSummaryView, TimelineView } from '../api/openapi.js';

const DAY = 86_400_000;
const STATE_COLOURS = { PASSED: '#495057', UPCOMING: '#c92a2a', STOPPED: '#087f5b' } as const;

/** The account's clock on a time axis: freeze, deletion, closure, permanent deletion, the holds, and today. */
export function TimelineChart({
  timeline,
  deadline,
}: {
  timeline: TimelineView | null;
  deadline: DeadlineSummaryView;
}) {
  const { t } = useTranslation();
  const summary =
    deadline.daysLeft === null
      ? t(`backoffice.deadline.${deadline.status}`)
      : t('backoffice.daysLeftOf', { days: deadline.daysLeft, date: deadline.date });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('backoffice.clock')}
      </Title>
      <Text mb="sm">
        {summary}
        {deadline.held && ` (${t('backoffice.held')})`}
      </Text>
      {timeline && <Chart timeline={timeline} />}
    </Paper>
  );
}

function Chart({ timeline }: { timeline: TimelineView }) {
  const { t } = useTranslation();
  const points = timeline.events.flatMap((event, index) =>
    event.date === null
      ? []
      : [
          {
            x: Date.parse(`${event.date}T00:00:00Z`),
            y: index + 1,
            fill: STATE_COLOURS[event.state],
            short: t(`event.${event.kind}`),
            label: `${t(`event.${event.kind}`)}: ${event.date} (${t(`eventState.${event.state}`)}${event.stoppedBy.length ? `: ${event.stoppedBy.join(', ')}` : ''})`,
          },
        ],
  );
  const today = Date.parse(`${timeline.asOf}T00:00:00Z`);
  const xs = [today, ...points.map((point) => point.x), ...timeline.holds.map((hold) => Date.parse(hold.since))];
  const format = (value: number): string => new Date(value).toISOString().slice(0, 10);
  return (
    <figure style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height={220}>
        <ScatterChart margin={{ top: 24, right: 24, bottom: 8, left: 8 }}>
          <XAxis
            type="number"
            dataKey="x"
            domain={[Math.min(...xs) - 30 * DAY, Math.max(...xs) + 30 * DAY]}
            tickFormatter={format}
            name={t('backoffice.date')}
          />
          <YAxis type="number" dataKey="y" hide domain={[0, 5.5]} />
          <Tooltip formatter={(_value, _name, item: { payload?: { label?: string } }) => item.payload?.label ?? ''} />
          <ReferenceLine x={today} stroke="#364fc7" label={{ value: t('backoffice.today'), position: 'top' }} />
          {timeline.holds.map((hold) => (
            <ReferenceLine
              key={hold.caseReference}
              x={Date.parse(hold.since)}
              stroke="#087f5b"
              strokeDasharray="4 2"
              label={{ value: hold.caseReference, position: 'insideBottomRight', fontSize: 11 }}
            />
          ))}
          <Scatter data={points}>
            <LabelList dataKey="short" position="top" fontSize={11} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
      <figcaption>
        <ul>
          {points.map((point) => (
            <li key={point.label}>{point.label}</li>
          ))}
        </ul>
        {timeline.exceptions.length > 0 && (
          <Text size="sm">{t('backoffice.exceptions', { list: timeline.exceptions.join(', ') })}</Text>
        )}
      </figcaption>
    </figure>
  );
}
