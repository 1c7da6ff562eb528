import { describe, expect, it } from 'vitest'
import { indexDays } from '../../../../functions/src/jobs/governance-reminders'
import { markdownText } from '../../../../functions/src/domain/governance/minutes-markdown'
import { reminderMail } from '../../../../functions/src/domain/governance/reminder-mail'

const link = 'https://touchpoint.alder.example/cases/01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B'

describe('the reminder e-mail', () => {
  it("speaks the practice's language, names the action and its date, and links the case", () => {
    const mail = reminderMail({
      kind: 'overdue',
      language: 'es',
      practiceName: 'Clínica Aliso',
      actionTitle: 'Pedir el cartel de tiempos de espera',
      dueOn: '2026-11-30',
      link,
    })
    expect(mail.subject).toBe('Vencida: su acción para el comité de gobernanza de Clínica Aliso')
    expect(mail.text).toBe(
      'Su acción venció ayer, lunes, 30 de noviembre de 2026:\n\n' +
        '  Pedir el cartel de tiempos de espera\n\n' +
        `Abra el caso para ponerla al día (estado y notas):\n${link}\n\n` +
        'Comité de gobernanza de Clínica Aliso\n',
    )
  })
})

describe('the days of the due-date index the job reads', () => {
  it('cover every time zone: two days either side of UTC’s today, across a month end', () => {
    expect(indexDays('2026-12-01')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ])
  })
})

describe('plain text as Markdown', () => {
  it('keeps line breaks and paragraphs, and escapes what would turn into Markdown', () => {
    expect(markdownText('one\ntwo\n\n\n\n- three [x](y)\r\n<i>4</i>')).toBe(
      'one\\\ntwo\n\n\\- three \\[x\\](y)\\\n\\<i\\>4\\</i\\>',
    )
  })
})
