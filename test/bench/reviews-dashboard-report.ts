/** Figure 13's section of REPORT.md: see reviews-dashboard.ts for what is measured and how. */
import { dashboardTarget, requestKinds, type ReviewsDashboardFigures } from './reviews-dashboard'

export const reviewsDashboardHeading = '## Reviews dashboard (figure 13)'

const whole = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1))

export function reviewsDashboardSection(f: ReviewsDashboardFigures): string[] {
  const small = f.sizes[0]
  const large = f.sizes.at(-1)
  if (!small || !large) return [reviewsDashboardHeading, '', 'Not measured.', '']
  const [a, b] = [whole(small.reviews), whole(large.reviews)]
  const label = (i: number) => `13${String.fromCharCode(97 + i)}`
  const counted = requestKinds.flatMap((kind, i) => (kind.reads === 'counters' ? [label(i)] : []))
  const listed = requestKinds.flatMap((kind, i) => (kind.reads === 'reviews' ? [label(i)] : []))
  const rows = requestKinds.map((kind, i) => {
    const x = small.latency[kind.name]!
    const y = large.latency[kind.name]!
    const ratio = y.p50 / x.p50
    const verdict =
      kind.reads === 'counters'
        ? `target < ${dashboardTarget.ratio}: ${ratio < dashboardTarget.ratio ? 'met' : '**missed**'}`
        : 'no target: reads stored reviews'
    return `| ${label(i)} | ${kind.name} | ${ms(x.p50)} / ${ms(x.p95)} ms | ${ms(y.p50)} / ${ms(y.p95)} ms | **${ratio.toFixed(2)}** (p95 ${(y.p95 / x.p95).toFixed(2)}; ${verdict}) |`
  })
  const seeds = f.sizes.map(
    (s) =>
      `${whole(s.reviews)} through ${s.seeded.how === 'bulk' ? 'the bulk load' : '`upsertReviews`'} in ${s.seeded.seconds.toFixed(1)} s (${whole(s.reviews / s.seeded.seconds)} reviews/s, ${whole(s.seeded.items)} items)`,
  )
  const twin = f.bulkMatchesUpsert
  return [
    reviewsDashboardHeading,
    '',
    `| # | Request | p50 / p95, ${a} reviews | p50 / p95, ${b} reviews | Ratio p50 ${b} / ${a} |`,
    '|---|---|---|---|---|',
    ...rows,
    '',
    `- Each row: ${f.warmup} warm-up rounds, then ${f.rounds} rounds of one request (or, for the page's five calls, the five at once) per practice, one at a time, the order of the sizes alternating; the time until every body is read. ${listed.join(', ')}: 1 warm-up round and ${f.listRounds} measured, the last ones (it takes seconds). Through the Hono app in the bench process (\`app.request\`, signed in as each practice's owner, no HTTP socket) against one in-memory DynamoDB Local. Ranges as the web asks: a year is the 365 days to today, the dashboard's 13 and 52 weeks end today; \`interval=week\`.`,
    `- The review figures (${counted.join(', ')}) read counter items only, one Query per scope over the range, so they should stay flat: **target ratio p50 < ${dashboardTarget.ratio}** from ${a} to ${b} reviews. \`GET /api/reviews\` (${listed.join(', ')}) reads stored reviews: its page is one Query of the newest month, but its \`total\` counts every matching review of the default 730 days (a \`Select: COUNT\` Query per month, which still reads every item), so it grows with the number of reviews.`,
    `- Seeded: ${seeds.join('; ')}; ${f.seedSeconds.toFixed(0)} s in all, with the check below. The bulk load writes the very items \`reviews.save\` would leave (\`newReviewItems\`, the demo's writer: each review and its identity), 8 writers of BatchWriteItem at once, and the counters summed in memory and put once at the end. Checked first: ${whole(twin.reviews)} of the same reviews through \`upsertReviews\` (one transaction each, ${whole(twin.reviews / twin.upsertSeconds)} reviews/s here) and in bulk give the same counter items, every one (${twin.difference ? `**differ: ${twin.difference}**` : 'equal'}).`,
    `- Checked before timing, against what the bench wrote (no counters involved): ${f.sizes.map((s) => `${whole(s.reviews)}: ${s.checked}`).join('; ')}: all equal.`,
    `- Reviews: four sites (Facebook as recommendations), three locations and every ninth without one, a year of creation times evenly spread, 8 texts read with the comment reader. Measured ${f.date} with \`${f.command}\`; the 1-minute load average was ${f.loadAverage.toFixed(2)} when it started, on a machine shared with other work.`,
    '',
  ]
}
