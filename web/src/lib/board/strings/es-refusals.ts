/**
 * The server refuses a board change in English (its words are also the API's problem+json
 * `detail`). A Spanish board says them in Spanish: by the exact English words where they are
 * fixed, by the refusal's code otherwise, and in general words when neither is known, so no
 * English sentence reaches a Spanish board.
 */
const byDetail: Record<string, string> = {
  'This board is archived. Restore it to change it.':
    'Este tablero está archivado. Restáurelo para cambiarlo.',
  'Only the facilitator can do this.': 'Solo la persona facilitadora puede hacer esto.',
  'The facilitator has locked this board.': 'La persona facilitadora bloqueó este tablero.',
  'This board has no such area.': 'Este tablero no tiene esa área.',
  'Guests cannot change follow-up actions.':
    'Las personas invitadas no pueden cambiar las acciones de seguimiento.',
  'A note with this id already exists.': 'Ya existe una nota con este identificador.',
  'The facilitator has not allowed anonymous notes.':
    'La persona facilitadora no permitió las notas anónimas.',
  'That comment cannot be quoted.': 'Ese comentario no se puede citar.',
  'Write something first.': 'Escriba algo primero.',
  'Only its author or the facilitator can edit this note.':
    'Solo quien la escribió o la persona facilitadora puede editar esta nota.',
  'A quote keeps the patient’s own words.': 'Una cita conserva las propias palabras del paciente.',
  'Only its author or the facilitator can remove this note.':
    'Solo quien la escribió o la persona facilitadora puede eliminar esta nota.',
  'Voting is not open on this board.': 'La votación no está abierta en este tablero.',
  'You have no dot on this note.': 'No tiene ningún punto en esta nota.',
  'This workshop has no such step.': 'Este taller no tiene ese paso.',
  'This map has no such touch point.': 'Este mapa no tiene ese punto de contacto.',
  'An action with this id already exists.': 'Ya existe una acción con este identificador.',
  'Too many messages. Wait a moment and try again.':
    'Demasiados mensajes. Espere un momento e inténtelo de nuevo.',
  'Something went wrong. Try again in a moment.':
    'Algo salió mal. Inténtelo de nuevo en un momento.',
}

const byCode: Record<string, string> = {
  'board-archived': byDetail['This board is archived. Restore it to change it.'] as string,
  'board-locked': byDetail['The facilitator has locked this board.'] as string,
  'board-full': 'El tablero llegó a su límite. Elimine algo antes de añadir más.',
  'vote-limit': 'Ya puso todos sus puntos. Retire uno para volver a votar.',
  'anonymous-off': byDetail['The facilitator has not allowed anonymous notes.'] as string,
  forbidden: 'No tiene permiso para hacer este cambio.',
  'not-found': 'Lo que intentó cambiar ya no está en el tablero.',
  invalid: 'El cambio no es válido.',
  'rate-limited': byDetail['Too many messages. Wait a moment and try again.'] as string,
}

/** @example esRefusal('board-locked', 'The facilitator has locked this board.') */
export function esRefusal(code: string, detail: string): string {
  return byDetail[detail] ?? byCode[code] ?? 'El tablero no aceptó el cambio. Inténtelo de nuevo.'
}
