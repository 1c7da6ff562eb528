import { tick } from 'svelte'
import { fieldId, type SurveyEditor } from './editor.svelte'

/**
 * A link to a field of the draft (in the error summary or a language's missing texts) opens the
 * question the field belongs to and moves focus there, instead of jumping to a closed card.
 */
export async function goToField(editor: SurveyEditor, event: MouseEvent, keyPath: string) {
  event.preventDefault()
  const [first, key] = keyPath.split('.')
  if (first === 'q' && key) editor.expanded.add(key)
  await tick()
  document.getElementById(fieldId(keyPath))?.focus()
}
