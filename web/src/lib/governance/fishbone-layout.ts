/**
 * Where everything of a fishbone (Ishikawa) diagram goes, as plain numbers for an SVG: the problem
 * in the head at the right, the spine, one bone per category alternating above and below, and each
 * cause as a horizontal rib on its category's bone with its label. Pure, so it is tested without a
 * browser: no two labels overlap, no bone crosses a label, every cause sits on its own category's
 * bone, and the viewBox holds everything.
 *
 * Text is measured by an estimated character width (no DOM to measure with): the estimate is
 * generous for the system sans-serif fonts, and labels wrap at a fixed number of characters, so a
 * label drawn a little narrower than estimated still fits its box.
 *
 * How the spacing is found. Bones share one slant, so a label to the left of a bone at height h
 * stays clear of the next bone to its left when the two bones' feet on the spine are further apart
 * than the label's own extent (rib + width), plus the slant over half the label's height (the box
 * has height, the bone leans). Category labels sit in one row per side beyond every rib, and are
 * spaced by half their widths. The head goes to the right of everything.
 */
import { fishboneWords } from './words'

export interface FishboneCauseInput {
  id: string
  /** One of the categories (matched ignoring case, as the server does). */
  category: string
  text: string
  /** How many whys its chain has. */
  whys: number
  root: boolean
}

export interface FishboneInput {
  /** The failed experience: the case's title. */
  problem: string
  categories: readonly string[]
  causes: readonly FishboneCauseInput[]
}

export interface LayoutOptions {
  fontSize: number
  /** The average character's width, in ems (0.56 is generous for system sans-serif fonts). */
  charWidth: number
  /** Line height, in ems. */
  lineHeight: number
  causeChars: number
  categoryChars: number
  problemChars: number
  /** A longer cause is cut with an ellipsis in the drawing (the list beside it has it whole). */
  maxCauseLines: number
  maxProblemLines: number
  /** Words for the line under each cause: "Root cause · 3 whys". */
  meta: (cause: Pick<FishboneCauseInput, 'whys' | 'root'>) => string
}

export interface Point {
  x: number
  y: number
}

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface TextBlock {
  box: Box
  lines: string[]
  /** The text is longer than the lines drawn. */
  cut: boolean
}

export interface RibLayout {
  causeId: string
  text: string
  root: boolean
  whys: number
  /** On the bone. */
  from: Point
  /** Where the rib meets its label. */
  to: Point
  label: TextBlock
  /** The line under the text ("Root cause · 3 whys"), inside the label's box. */
  meta: string
}

export interface BoneLayout {
  category: string
  index: number
  side: 'above' | 'below'
  /** On the spine. */
  from: Point
  /** The bone's outer end, where its category's label sits. */
  to: Point
  label: TextBlock
  ribs: RibLayout[]
}

export interface FishboneLayout {
  width: number
  height: number
  viewBox: string
  fontSize: number
  lineHeight: number
  padding: number
  spine: { from: Point; to: Point }
  head: TextBlock & { shape: Point[] }
  bones: BoneLayout[]
  /** Causes whose category is not one of the categories (an editor mid-change): not drawn. */
  unplaced: string[]
}

export const defaultLayoutOptions: LayoutOptions = {
  fontSize: 15,
  charWidth: 0.56,
  lineHeight: 1.3,
  causeChars: 26,
  categoryChars: 20,
  problemChars: 22,
  maxCauseLines: 5,
  maxProblemLines: 6,
  meta: fishboneWords.meta,
}

/** How far a bone leans: its outer end is this much further left per unit of height. */
const slant = 0.35
const padding = 6
/** Between a label and anything else. */
const gap = 10
/** From the spine to the first rib's label. */
const spineGap = 22
/** Past the last rib, before the bone's end. */
const tailGap = 14
/** From a bone's end to its category's label. */
const labelGap = 6
const minBone = 56
const ribBase = 16
const margin = 12

/**
 * Splits text into lines of at most `chars` characters at spaces, breaking longer words, and cuts
 * it to `maxLines` with an ellipsis.
 *
 * @example
 * wrapText('No one tells patients how long the wait is', 16)
 * // { lines: ['No one tells', 'patients how', 'long the wait is'], cut: false }
 */
export function wrapText(
  text: string,
  chars: number,
  maxLines = Infinity,
): { lines: string[]; cut: boolean } {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (let word of words) {
    while (word.length > chars) {
      if (line) lines.push(line)
      line = ''
      lines.push(word.slice(0, chars))
      word = word.slice(chars)
    }
    if (!word) continue
    if (!line) line = word
    else if (line.length + 1 + word.length <= chars) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length === 0) lines.push('')
  if (lines.length <= maxLines) return { lines, cut: false }
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]!
  kept[maxLines - 1] = `${last.length >= chars ? last.slice(0, chars - 1) : last}…`
  return { lines: kept, cut: true }
}

interface Measured {
  lines: string[]
  cut: boolean
  width: number
  height: number
}

/**
 * Lays out the diagram.
 *
 * @example
 * const layout = fishboneLayout({
 *   problem: 'Patients wait without being told why',
 *   categories: ['People', 'Process'],
 *   causes: [{ id: 'c1', category: 'Process', text: 'No one owns the wait', whys: 3, root: true }],
 * })
 * layout.bones[1].ribs[0].meta // 'Root cause · 3 whys'
 */
export function fishboneLayout(
  input: FishboneInput,
  options: Partial<LayoutOptions> = {},
): FishboneLayout {
  const o = { ...defaultLayoutOptions, ...options }
  const charWidth = o.fontSize * o.charWidth
  const lineHeight = o.fontSize * o.lineHeight
  // Category and head labels are bold, whose letters run about a tenth wider.
  const measure = (lines: string[], cut: boolean, bold = false): Measured => ({
    lines,
    cut,
    width:
      Math.max(...lines.map((line) => line.length), 1) * charWidth * (bold ? 1.12 : 1) +
      2 * padding,
    height: lines.length * lineHeight + 2 * padding,
  })

  // Which bone each cause belongs to, in the order given.
  const boneOf = new Map<string, number>()
  input.categories.forEach((category, i) => {
    const key = category.toLocaleLowerCase()
    if (!boneOf.has(key)) boneOf.set(key, i)
  })
  const causesOf: FishboneCauseInput[][] = input.categories.map(() => [])
  const unplaced: string[] = []
  for (const cause of input.causes) {
    const bone = boneOf.get(cause.category.toLocaleLowerCase())
    if (bone === undefined) unplaced.push(cause.id)
    else causesOf[bone]!.push(cause)
  }

  // Each bone's labels, and its ribs' heights above (or below) the spine.
  const bones = input.categories.map((category, index) => {
    const label = wrapText(category, o.categoryChars, 3)
    const labelBlock = measure(label.lines, label.cut, true)
    let reach = spineGap
    const ribs = causesOf[index]!.map((cause) => {
      const text = wrapText(cause.text, o.causeChars, o.maxCauseLines)
      const meta = o.meta(cause)
      const block = measure([...text.lines, meta], text.cut)
      const height = reach + block.height / 2
      reach += block.height + gap
      // Long enough that the box clears its own leaning bone over the box's height.
      const rib = ribBase + (slant * block.height) / 2
      return { cause, text, meta, block, height, rib }
    })
    const length = Math.max(minBone, reach - gap + tailGap)
    return {
      category,
      index,
      side: index % 2 === 0 ? ('above' as const) : ('below' as const),
      column: Math.floor(index / 2),
      labelBlock,
      ribs,
      length,
    }
  })

  const sideLength = (side: 'above' | 'below') =>
    Math.max(0, ...bones.filter((bone) => bone.side === side).map((bone) => bone.length))
  const reachOf = { above: sideLength('above'), below: sideLength('below') }
  const labelRow = (side: 'above' | 'below') =>
    Math.max(0, ...bones.filter((bone) => bone.side === side).map((bone) => bone.labelBlock.height))
  const rowOf = { above: labelRow('above'), below: labelRow('below') }

  // The feet of the bones on the spine, column by column from the left.
  const columns = Math.ceil(input.categories.length / 2)
  const feet: number[] = []
  for (let column = 0; column < columns; column++) {
    if (column === 0) {
      feet.push(0)
      continue
    }
    let pitch = 0
    for (const bone of bones.filter((b) => b.column === column)) {
      // Its cause labels clear the bone to their left…
      for (const rib of bone.ribs) {
        pitch = Math.max(pitch, rib.rib + rib.block.width + (slant * rib.block.height) / 2 + gap)
      }
      // …and its category's label clears the label to its left, in the same row.
      const left = bones.find((b) => b.column === column - 1 && b.side === bone.side)
      if (left) pitch = Math.max(pitch, (bone.labelBlock.width + left.labelBlock.width) / 2 + gap)
    }
    feet.push(feet[column - 1]! + Math.max(pitch, 2 * gap))
  }

  // Heights are measured from the spine; the spine's y comes once the head is known.
  const head = wrapText(input.problem, o.problemChars, o.maxProblemLines)
  const headBlock = measure(head.lines, head.cut, true)
  const headBlockHeight = headBlock.height + 2 * padding
  const spineY =
    margin +
    Math.max(reachOf.above + (rowOf.above > 0 ? labelGap + rowOf.above : 0), headBlockHeight / 2)
  const sign = (side: 'above' | 'below') => (side === 'above' ? -1 : 1)

  const laidBones: BoneLayout[] = bones.map((bone) => {
    const foot = feet[bone.column]!
    const s = sign(bone.side)
    const reach = reachOf[bone.side]
    const to = { x: foot - slant * reach, y: spineY + s * reach }
    const labelY =
      bone.side === 'above' ? to.y - labelGap - bone.labelBlock.height : to.y + labelGap
    const ribs: RibLayout[] = bone.ribs.map((rib) => {
      const y = spineY + s * rib.height
      const from = { x: foot - slant * rib.height, y }
      const end = { x: from.x - rib.rib, y }
      return {
        causeId: rib.cause.id,
        text: rib.cause.text,
        root: rib.cause.root,
        whys: rib.cause.whys,
        from,
        to: end,
        meta: rib.meta,
        label: {
          box: {
            x: end.x - rib.block.width,
            y: y - rib.block.height / 2,
            width: rib.block.width,
            height: rib.block.height,
          },
          lines: rib.text.lines,
          cut: rib.text.cut,
        },
      }
    })
    return {
      category: bone.category,
      index: bone.index,
      side: bone.side,
      from: { x: foot, y: spineY },
      to,
      label: {
        box: {
          x: to.x - bone.labelBlock.width / 2,
          y: labelY,
          width: bone.labelBlock.width,
          height: bone.labelBlock.height,
        },
        lines: bone.labelBlock.lines,
        cut: bone.labelBlock.cut,
      },
      ribs,
    }
  })

  // The head, right of everything, its point on the spine.
  const boxes = laidBones.flatMap((bone) => [bone.label.box, ...bone.ribs.map((r) => r.label.box)])
  const rightmost = Math.max(
    ...feet,
    ...boxes.map((box) => box.x + box.width),
    ...laidBones.map((bone) => bone.from.x),
  )
  const headBox: Box = {
    x: rightmost + 3 * gap,
    y: spineY - headBlockHeight / 2,
    width: headBlock.width + 3 * padding + headBlockHeight / 4,
    height: headBlockHeight,
  }
  const point = headBlockHeight / 4
  const shape: Point[] = [
    { x: headBox.x, y: headBox.y },
    { x: headBox.x + headBox.width - point, y: headBox.y },
    { x: headBox.x + headBox.width, y: spineY },
    { x: headBox.x + headBox.width - point, y: headBox.y + headBox.height },
    { x: headBox.x, y: headBox.y + headBox.height },
  ]

  const tailX = Math.min(0, ...laidBones.map((bone) => bone.to.x)) - gap
  const all = [...boxes, headBox]
  const minX = Math.min(tailX, ...all.map((box) => box.x)) - margin
  const minY = Math.min(spineY, ...all.map((box) => box.y)) - margin
  const maxY = Math.max(spineY, ...all.map((box) => box.y + box.height)) + margin
  const maxX = Math.max(...all.map((box) => box.x + box.width)) + margin

  // Move everything so the drawing starts at 0, 0.
  const dx = -minX
  const dy = -minY
  const movePoint = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy })
  const moveBox = (b: Box): Box => ({ ...b, x: b.x + dx, y: b.y + dy })
  const width = maxX - minX
  const height = maxY - minY
  return {
    width,
    height,
    viewBox: `0 0 ${round(width)} ${round(height)}`,
    fontSize: o.fontSize,
    lineHeight,
    padding,
    spine: { from: movePoint({ x: tailX, y: spineY }), to: movePoint({ x: headBox.x, y: spineY }) },
    head: {
      box: moveBox(headBox),
      lines: head.lines,
      cut: head.cut,
      shape: shape.map(movePoint),
    },
    bones: laidBones.map((bone) => ({
      ...bone,
      from: movePoint(bone.from),
      to: movePoint(bone.to),
      label: { ...bone.label, box: moveBox(bone.label.box) },
      ribs: bone.ribs.map((rib) => ({
        ...rib,
        from: movePoint(rib.from),
        to: movePoint(rib.to),
        label: { ...rib.label, box: moveBox(rib.label.box) },
      })),
    })),
    unplaced,
  }
}

const round = (n: number) => Math.ceil(n * 10) / 10
