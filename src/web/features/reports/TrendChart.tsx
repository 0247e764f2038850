import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Trend } from '@shared/requests/home';

/** A colour per location, distinct enough side by side. */
const COLORS = ['autohaus.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'lime.7', 'pink.6', 'yellow.7'];

/** "09.03." for the Monday a week starts on. */
const weekLabel = (week: string) => `${week.slice(8, 10)}.${week.slice(5, 7)}.`;

/**
 * The last eight weeks per location: the share of requests contacted within
 * one working day as lines, the deadlines missed as bars. Loaded on its own
 * (React.lazy): recharts is the largest library of the app.
 */
export default function TrendChart({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const locations = [...new Map(trend.points.map((p) => [p.locationId, p.location])).entries()];
  if (locations.length === 0 || trend.points.every((p) => p.received === 0)) {
    return (
      <Text size="sm" c="dimmed">
        {t('reports.trend.empty')}
      </Text>
    );
  }
  const series = locations.map(([id, name], i) => ({ name: id, label: name, color: COLORS[i % COLORS.length]! }));
  const rows = (value: (p: Trend['points'][number]) => number | null) =>
    trend.weeks.map((week) => ({
      week: weekLabel(week),
      ...Object.fromEntries(trend.points.filter((p) => p.week === week).map((p) => [p.locationId, value(p)])),
    }));

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" data-testid="trend-chart">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('reports.trend.oneDay')}
        </Text>
        <LineChart
          h={220}
          data={rows((p) => p.contactedWithinOneWorkingDayPct)}
          dataKey="week"
          series={series}
          yAxisProps={{ domain: [0, 100] }}
          unit=" %"
          withLegend
          connectNulls={false}
          curveType="linear"
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('reports.trend.overdue')}
        </Text>
        <BarChart
          h={220}
          data={rows((p) => p.overdue)}
          dataKey="week"
          series={series}
          withLegend
          yAxisProps={{ allowDecimals: false }}
        />
      </Stack>
    </SimpleGrid>
  );
}
