/**
 * Chart.js with only the parts the dashboard draws (lines with bands, bars, the heat map matrix),
 * registered once: tree-shaking keeps the rest out of the bundle, and nothing loads on pages
 * without charts (the dashboard route imports this module; the patient page never does).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js'
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix'

/** Paints the card's colour behind the chart, so a PNG export is not transparent. */
const background: Plugin = {
  id: 'touchpointBackground',
  beforeDraw(chart) {
    const colour = getComputedStyle(chart.canvas).getPropertyValue('--color-surface').trim()
    const { ctx, width, height } = chart
    ctx.save()
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = colour || '#ffffff'
    ctx.fillRect(0, 0, width, height)
    ctx.restore()
  },
}

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  MatrixController,
  MatrixElement,
  background,
)

export { Chart }
